package org.opencrm.platform.security;

import java.util.Collection;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.opencrm.permissions.PermissionTable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The record-level half of the {@link PermissionTable}: whether the operation of the current request reaches only the
 * caller's own records ({@code own-records} in the table, e.g. sales only the leads assigned to them). The service
 * decides what "own" means and asks on every path that reads or changes a record. Two shapes of the rule:
 * <ul>
 * <li>"sees and changes own" (leads for sales): every operation on the record is limited; another's record does not
 * exist for the caller (404) — {@link #ownerOnly()};</li>
 * <li>"reads all, changes own" (customers for sales): the reading operations are not limited, the changing ones are;
 * another's record is visible, so changing it is refused (403) — {@link #requireOwnerOf(String)}.</li>
 * </ul>
 * Outside a request (an event handler, a scheduled job) nothing is limited.
 */
public class RecordAccess {

    private final PermissionTable table;

    public RecordAccess(PermissionTable table) {
        this.table = table;
    }

    /** The caller's id when the current request's operation limits them to their own records, else empty. */
    public Optional<String> ownerOnly() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !(caller.getPrincipal() instanceof Jwt jwt)) {
            return Optional.empty();
        }
        HttpServletRequest request = attributes.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Collection<String> authorities = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        return table.find(HttpMethod.valueOf(request.getMethod()), PathContainer.parsePath(path))
            .filter(operation -> operation.limitsToOwnRecords(authorities))
            .map(operation -> jwt.getSubject());
    }

    /**
     * Refuses the current request (403) when its operation limits the caller to their own records and the record
     * belongs to {@code ownerId} (null: to nobody) rather than to the caller. For records the caller may read all of,
     * where answering 404 would contradict what they just read.
     *
     * @throws AccessDeniedException when the record is another's
     */
    public void requireOwnerOf(String ownerId) {
        Optional<String> caller = ownerOnly();
        if (caller.isPresent() && !caller.get().equals(ownerId)) {
            throw new AccessDeniedException("Only the record's owner may change it.");
        }
    }
}
