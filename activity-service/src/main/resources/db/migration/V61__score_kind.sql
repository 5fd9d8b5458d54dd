-- a lead's new score is a kind of its own: the recent-activity feed leaves the scoring out of what people did
update activity set kind = 'score' where action = 'lead.scored';
