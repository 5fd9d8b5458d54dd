package org.opencrm.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

class S3IT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void keepsAnObjectInABucketOfThisJvm() throws Exception {
        S3Endpoint s3 = TestInfrastructure.s3();
        String bucket = s3.createBucket(TestNamespace.bucket());
        assertThat(s3.createBucket(bucket)).as("a second create is fine").isEqualTo(bucket);
        URI object = URI.create(s3.endpoint() + "/" + bucket + "/platform-test/hello.txt");

        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(object)
                .PUT(HttpRequest.BodyPublishers.ofString("real S3 API")).header("Content-Type", "text/plain").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);

        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(object).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("real S3 API");
        assertThat(get.headers().firstValue("ETag")).isPresent();

        HttpResponse<String> missing = HTTP.send(HttpRequest.newBuilder(URI.create(s3.endpoint() + "/" + bucket
                + "/platform-test/none.txt")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("NoSuchKey");
    }
}
