package org.opencrm.customer.config;

import java.net.URI;

import org.apache.tika.Tika;
import org.opencrm.customer.domain.document.CustomerDocuments;
import org.opencrm.customer.domain.document.DocumentTypePolicy;
import org.opencrm.platform.web.ConstraintMessage;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The S3 client of the document store, content type detection and the documents' rules. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ S3Properties.class, DocumentProperties.class })
class DocumentConfiguration {

    /** No network at start-up: the first document call connects. */
    @Bean(destroyMethod = "close")
    S3Client documentS3Client(S3Properties s3) {
        S3ClientBuilder builder = S3Client.builder()
            .region(Region.of(s3.region()))
            .credentialsProvider(credentials(s3))
            .forcePathStyle(s3.pathStyle())
            // checksums only where S3 requires them: S3-compatible stores differ in what they do with the SDK's
            // default trailing checksums; the service keeps its own SHA-256 of every document
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .httpClientBuilder(Apache5HttpClient.builder())
            .overrideConfiguration(config -> config.apiCallTimeout(s3.callTimeout()));
        if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(s3.endpoint().strip()));
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Properties s3) {
        if (s3.accessKey() != null && !s3.accessKey().isBlank()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** Tika's detector alone (tika-core): magic bytes first, the file name only to refine within what they say. */
    @Bean
    Tika tika() {
        return new Tika();
    }

    @Bean
    DocumentTypePolicy documentTypePolicy(DocumentProperties documents) {
        return new DocumentTypePolicy(documents.allowedTypes());
    }

    /** The same file attached to the same customer a second time. */
    @Bean
    ConstraintMessage documentContentUnique() {
        return new ConstraintMessage(CustomerDocuments.CONTENT_UNIQUE, HttpStatus.CONFLICT, "file",
                "This file is already attached to the customer.");
    }
}
