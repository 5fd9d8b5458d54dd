package org.opencrm.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Lets {@link ServiceIntegrationTest}'s {@code spring.config.import} resolve its placeholders.
 * <p>
 * Boot binds a {@code spring.config.import} given as a test property before it reads the application's own
 * {@code application.yml}, so {@code ${spring.application.name}} is still unknown then, and Boot silently skips an
 * optional location whose placeholder it cannot resolve (measured with Boot 4.0.7: the service's config-repo file was
 * not loaded). Running just before Boot's config data processing, this adds, at the lowest precedence and only when
 * such an import asks for them, {@code spring.application.name} as the classpath's {@code application.yml} or
 * {@code application.properties} declares it, and {@code crm.project.root} when no system property gives it.
 */
class ConfigRepoImportEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE_NAME = "crmConfigRepoImport";

    private static final String IMPORT = "spring.config.import";

    private static final String APPLICATION_NAME = "spring.application.name";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 9;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String imports = rawImports(environment);
        Map<String, Object> missing = new HashMap<>();
        if (imports.contains("${" + APPLICATION_NAME + "}") && !environment.containsProperty(APPLICATION_NAME)) {
            String name = applicationNameOnClasspath(application.getClassLoader());
            if (name != null) {
                missing.put(APPLICATION_NAME, name);
            }
        }
        if (imports.contains("${" + ProjectRoot.PROPERTY + "}") && !environment.containsProperty(ProjectRoot.PROPERTY)) {
            ProjectRoot.find().ifPresent(root -> missing.put(ProjectRoot.PROPERTY, root.toString()));
        }
        if (!missing.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, missing));
        }
    }

    private static String rawImports(ConfigurableEnvironment environment) {
        StringBuilder imports = new StringBuilder();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> && source.getProperty(IMPORT) != null) {
                imports.append(source.getProperty(IMPORT)).append(',');
            }
        }
        return imports.toString();
    }

    private static String applicationNameOnClasspath(ClassLoader classLoader) {
        PropertySourceLoader yaml = new YamlPropertySourceLoader();
        PropertySourceLoader properties = new PropertiesPropertySourceLoader();
        for (String file : List.of("application.yml", "application.yaml", "application.properties")) {
            Resource resource = new ClassPathResource(file, classLoader);
            if (!resource.exists()) {
                continue;
            }
            try {
                PropertySourceLoader loader = file.endsWith(".properties") ? properties : yaml;
                for (PropertySource<?> document : loader.load(file, resource)) {
                    Object name = document.getProperty(APPLICATION_NAME);
                    if (name != null && document.getProperty("spring.config.activate.on-profile") == null) {
                        return name.toString();
                    }
                }
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot read " + file, ex);
            }
        }
        return null;
    }
}
