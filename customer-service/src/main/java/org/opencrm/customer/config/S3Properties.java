package org.opencrm.customer.config;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The S3 API this service keeps documents in: AWS S3 or any S3-compatible store (MinIO, Ceph, S3Mock locally).
 *
 * @param endpoint the store's URL; none (or blank) for AWS S3 itself (the SDK derives it from the region)
 * @param region the signing region
 * @param pathStyle {@code <endpoint>/<bucket>/<key>} instead of {@code <bucket>.<endpoint>/<key>}: most
 *        S3-compatible stores need it
 * @param accessKey with {@code secretKey} static credentials; none: the SDK's default chain (environment, web
 *        identity token in Kubernetes, instance profile)
 * @param bucket this service's bucket, made beforehand (the service never creates buckets)
 * @param callTimeout the longest one S3 call may take, retries included
 */
@Validated
@ConfigurationProperties("crm.s3")
public record S3Properties(String endpoint, @DefaultValue("us-east-1") @NotBlank String region,
        @DefaultValue("false") boolean pathStyle, String accessKey, String secretKey, @NotBlank String bucket,
        @DefaultValue("60s") Duration callTimeout) {
}
