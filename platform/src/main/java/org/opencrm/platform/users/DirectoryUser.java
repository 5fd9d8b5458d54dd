package org.opencrm.platform.users;

/** A user of the CRM as the user directory knows them; {@code name} is how people know them. */
public record DirectoryUser(String id, String username, String name, boolean enabled) {
}
