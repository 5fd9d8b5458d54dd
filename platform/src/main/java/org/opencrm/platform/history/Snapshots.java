package org.opencrm.platform.history;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Compares two snapshots of a record's audited fields. A snapshot is a Java record whose components are the audited
 * fields, in the order people read them: a new audited field is a new component, nothing else.
 */
final class Snapshots {

    /** Field names the history uses for its own entries. */
    private static final Set<String> RESERVED = Set.of(FieldHistory.CREATED, FieldHistory.DELETED,
            FieldHistory.RESTORED);

    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            for (RecordComponent component : components) {
                if (RESERVED.contains(component.getName())) {
                    throw new IllegalArgumentException(type.getName() + " names a component '" + component.getName()
                            + "', which the field history reserves for its own entries");
                }
                component.getAccessor().setAccessible(true);
            }
            return components;
        }
    };

    private Snapshots() {
    }

    /** What differs between {@code before} and {@code after}, compared as the text the history stores. */
    static List<Change> diff(Record before, Record after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (before.getClass() != after.getClass()) {
            throw new IllegalArgumentException("snapshots of different types: " + before.getClass().getName()
                    + " and " + after.getClass().getName());
        }
        List<Change> changes = new ArrayList<>();
        for (RecordComponent component : COMPONENTS.get(before.getClass())) {
            String old = FieldValues.text(read(component, before));
            String now = FieldValues.text(read(component, after));
            if (!Objects.equals(old, now)) {
                changes.add(new Change(component.getName(), old, now));
            }
        }
        return changes;
    }

    private static Object read(RecordComponent component, Record snapshot) {
        try {
            return component.getAccessor().invoke(snapshot);
        }
        catch (IllegalAccessException | InvocationTargetException ex) {
            throw new IllegalStateException("cannot read " + component.getName() + " of a snapshot", ex);
        }
    }

    /** One field's change, its values as stored. */
    record Change(String field, String oldValue, String newValue) {
    }
}
