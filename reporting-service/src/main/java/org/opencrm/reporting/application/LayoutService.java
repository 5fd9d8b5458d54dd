package org.opencrm.reporting.application;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.opencrm.reporting.domain.InvalidReportException;
import org.opencrm.reporting.domain.Layouts;
import org.opencrm.reporting.domain.Widget;
import org.opencrm.reporting.domain.WidgetRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Dashboards: the caller's own, else the default published for their role, else the built-in one. */
@Service
@Transactional
public class LayoutService {

    /** The roles in the order a user with several takes a published default from. */
    static final List<String> ROLES = List.of("admin", "manager", "sales", "support");

    private final Layouts layouts;
    private final WidgetRules rules;
    private final Clock clock;

    public LayoutService(Layouts layouts, WidgetRules rules, Clock clock) {
        this.layouts = layouts;
        this.rules = rules;
        this.clock = clock;
    }

    public record Layout(List<Widget> widgets, String source) {
    }

    @Transactional(readOnly = true)
    public Layout layoutOf(String userId, Collection<String> roles) {
        Optional<List<Widget>> own = layouts.find(Layouts.USER, userId);
        if (own.isPresent()) {
            return new Layout(own.get(), "user");
        }
        for (String role : ROLES) {
            if (roles.contains(role)) {
                Optional<List<Widget>> published = layouts.find(Layouts.ROLE, role);
                if (published.isPresent()) {
                    return new Layout(published.get(), "role");
                }
            }
        }
        return new Layout(WidgetRules.builtInDefault(), "default");
    }

    public Layout save(String userId, List<Widget> widgets) {
        rules.check(widgets);
        layouts.save(Layouts.USER, userId, widgets, userId, clock.instant());
        return new Layout(widgets, "user");
    }

    public void reset(String userId) {
        layouts.delete(Layouts.USER, userId);
    }

    public Layout publish(String role, List<Widget> widgets, String by) {
        if (!ROLES.contains(role)) {
            throw new InvalidReportException("role", "unknown role; one of " + String.join(", ", ROLES));
        }
        rules.check(widgets);
        layouts.save(Layouts.ROLE, role, widgets, by, clock.instant());
        return new Layout(widgets, "role");
    }
}
