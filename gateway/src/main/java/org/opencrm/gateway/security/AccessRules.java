package org.opencrm.gateway.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** {@link AccessProperties} compiled once: patterns parsed, roles and scopes turned into authority names. */
public final class AccessRules {

    private final List<CompiledRule> rules;

    public AccessRules(List<AccessProperties.Rule> rules) {
        this.rules = rules.stream().map(CompiledRule::of).toList();
    }

    /** Whether a caller with these authorities may send {@code method} to {@code path}. */
    public boolean permits(PathContainer path, HttpMethod method, Collection<? extends GrantedAuthority> authorities) {
        for (CompiledRule rule : rules) {
            if (rule.appliesTo(path, method)) {
                return rule.grantedTo(authorities);
            }
        }
        return false;
    }

    private record CompiledRule(PathPattern pattern, Set<HttpMethod> methods, Set<String> authorities) {

        static CompiledRule of(AccessProperties.Rule rule) {
            Set<HttpMethod> methods = new HashSet<>();
            rule.methods().forEach(m -> methods.add(HttpMethod.valueOf(m.trim().toUpperCase(Locale.ROOT))));
            Set<String> authorities = new HashSet<>();
            rule.roles().forEach(role -> authorities.add("ROLE_" + role));
            rule.scopes().forEach(scope -> authorities.add("SCOPE_" + scope));
            return new CompiledRule(PathPatternParser.defaultInstance.parse(rule.path()), Set.copyOf(methods),
                    Set.copyOf(authorities));
        }

        boolean appliesTo(PathContainer path, HttpMethod method) {
            return (methods.isEmpty() || methods.contains(method)) && pattern.matches(path);
        }

        boolean grantedTo(Collection<? extends GrantedAuthority> held) {
            for (GrantedAuthority authority : held) {
                if (authorities.contains(authority.getAuthority())) {
                    return true;
                }
            }
            return false;
        }
    }
}
