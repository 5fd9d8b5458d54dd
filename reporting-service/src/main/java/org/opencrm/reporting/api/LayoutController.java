package org.opencrm.reporting.api;

import java.util.List;

import org.opencrm.platform.json.RejectUnknownProperties;
import org.opencrm.platform.security.CurrentActor;
import org.opencrm.reporting.application.LayoutService;
import org.opencrm.reporting.domain.Widget;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Each user's dashboard; the defaults admins publish per role. */
@RestController
@RequestMapping("/api/v1/reports/dashboard")
@Tag(name = "reports")
class LayoutController {

    private final LayoutService layouts;

    LayoutController(LayoutService layouts) {
        this.layouts = layouts;
    }

    /** A layout as stored and sent: the widgets. */
    @RejectUnknownProperties
    record LayoutRequest(List<Widget> widgets) {
    }

    @GetMapping("/layout")
    @Operation(summary = "The caller's dashboard, else their role's default, else the built-in one")
    LayoutService.Layout layout(Authentication caller) {
        List<String> roles = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
            .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList();
        return layouts.layoutOf(caller(), roles);
    }

    @PutMapping("/layout")
    @Operation(summary = "Saves the caller's dashboard (at most 24 widgets on 12 columns)")
    LayoutService.Layout save(@RequestBody LayoutRequest layout) {
        return layouts.save(caller(), layout.widgets());
    }

    @DeleteMapping("/layout")
    @Operation(summary = "Returns the caller to the default dashboard")
    ResponseEntity<Void> reset() {
        layouts.reset(caller());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/layouts/{role}")
    @Operation(summary = "Publishes the default dashboard of a role")
    LayoutService.Layout publish(@PathVariable String role, @RequestBody LayoutRequest layout) {
        return layouts.publish(role, layout.widgets(), caller());
    }

    private static String caller() {
        return CurrentActor.id().orElseThrow();
    }
}
