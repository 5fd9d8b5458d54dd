package org.opencrm.platform.inbox;

/**
 * What a consumer builds from the events it applies (a timeline, a projection). Implement it so that
 * {@link ReadModelReplay} can rebuild the model from the topics.
 */
public interface ReadModel {

    /** Deletes everything built from events; runs inside the replay's transaction. */
    void reset();
}
