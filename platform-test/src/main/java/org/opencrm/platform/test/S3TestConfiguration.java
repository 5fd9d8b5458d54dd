package org.opencrm.platform.test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points the application's S3 client ({@code crm.s3.*}) at {@link TestInfrastructure#s3()}, in a bucket of this JVM's
 * own ({@link TestNamespace#bucket()}, created on first use), as its database is its own. Both backends (the local
 * S3Mock, the {@code adobe/s3mock} container) are wired by properties: Boot has no connection details for S3.
 */
@TestConfiguration(proxyBeanMethods = false)
public class S3TestConfiguration {

    @Bean
    DynamicPropertyRegistrar crmTestS3Properties() {
        return registry -> {
            registry.add("crm.s3.endpoint", () -> TestInfrastructure.s3().endpoint());
            registry.add("crm.s3.region", () -> S3Endpoint.REGION);
            registry.add("crm.s3.access-key", () -> S3Endpoint.ACCESS_KEY);
            registry.add("crm.s3.secret-key", () -> S3Endpoint.SECRET_KEY);
            registry.add("crm.s3.path-style", () -> "true");
            registry.add("crm.s3.bucket", () -> TestInfrastructure.s3().createBucket(TestNamespace.bucket()));
        };
    }
}
