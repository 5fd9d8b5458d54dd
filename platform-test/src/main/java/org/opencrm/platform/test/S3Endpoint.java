package org.opencrm.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Where the test S3-compatible server (S3Mock) answers the S3 API: plain HTTP, path-style addressing ({@code
 * <endpoint>/<bucket>/<key>}), any region and credentials (S3Mock checks no signature).
 */
public record S3Endpoint(String endpoint) {

    public static final String REGION = "us-east-1";

    public static final String ACCESS_KEY = "crm-test";

    public static final String SECRET_KEY = "crm-test-secret";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Creates the bucket unless it exists, so that a test JVM has a bucket of its own (as it has a database).
     *
     * @param name a valid S3 bucket name: 3 to 63 lower-case letters, digits, dots and hyphens
     * @return the name
     */
    public String createBucket(String name) {
        if (!name.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("not a valid bucket name: " + name);
        }
        HttpRequest put = HttpRequest.newBuilder(URI.create(endpoint + "/" + name))
            .timeout(Duration.ofSeconds(30))
            .PUT(HttpRequest.BodyPublishers.noBody())
            .build();
        try {
            HttpResponse<String> response = HTTP.send(put, HttpResponse.BodyHandlers.ofString());
            // 409 BucketAlreadyOwnedByYou: another test of this JVM made it first
            if (response.statusCode() != 200 && response.statusCode() != 409) {
                throw new IllegalStateException("could not create bucket " + name + " at " + endpoint + ": "
                        + response.statusCode() + " " + response.body());
            }
            return name;
        }
        catch (IOException ex) {
            throw new IllegalStateException("could not reach the S3 API at " + endpoint, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating bucket " + name, ex);
        }
    }
}
