package org.opencrm.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.opencrm.gateway.problem.ProblemWriter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

class RequestSizeLimitFilterTest {

    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(
            new RequestSizeProperties(DataSize.ofKilobytes(1), Map.of("uploads", DataSize.ofKilobytes(4))),
            new ProblemWriter(JsonMapper.builder().build()));

    private final AtomicReference<ServerWebExchange> forwarded = new AtomicReference<>();

    @Test
    void refusesADeclaredLengthOverTheLimitWith413Problem() {
        MockServerWebExchange exchange = exchange("customers", MockServerHttpRequest.post("/api/v1/customers")
            .contentLength(2048).body("x".repeat(2048)));

        filter.filter(exchange, forward()).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"status\":413");
        assertThat(forwarded.get()).isNull();
    }

    @Test
    void refusesAChunkedBodyOnceItPassesTheLimit() {
        MockServerWebExchange exchange = exchange("customers", chunked(600, 600));

        filter.filter(exchange, forward()).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(forwarded.get()).isNull();
    }

    @Test
    void forwardsAChunkedBodyWithinTheLimitWithItsLength() {
        MockServerWebExchange exchange = exchange("customers", chunked(300, 300));

        filter.filter(exchange, forward()).block();

        HttpHeaders headers = forwarded.get().getRequest().getHeaders();
        assertThat(headers.getContentLength()).isEqualTo(600);
        assertThat(headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)).isFalse();
        String body = DataBufferUtils.join(forwarded.get().getRequest().getBody())
            .map(buffer -> buffer.toString(StandardCharsets.UTF_8)).block();
        assertThat(body).hasSize(600);
    }

    @Test
    void letsARouteAcceptMore() {
        MockServerWebExchange exchange = exchange("uploads", MockServerHttpRequest.post("/api/v1/documents")
            .contentLength(2048).body("x".repeat(2048)));

        filter.filter(exchange, forward()).block();

        assertThat(forwarded.get()).isNotNull();
    }

    private static MockServerHttpRequest chunked(int... parts) {
        Flux<DataBuffer> body = Flux.fromArray(java.util.Arrays.stream(parts).boxed().toArray(Integer[]::new))
            .map(size -> DefaultDataBufferFactory.sharedInstance.wrap("y".repeat(size).getBytes(StandardCharsets.UTF_8)));
        return MockServerHttpRequest.post("/api/v1/customers").header(HttpHeaders.TRANSFER_ENCODING, "chunked").body(body);
    }

    private static MockServerWebExchange exchange(String routeId, MockServerHttpRequest request) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR,
                Route.async().id(routeId).uri(URI.create("http://127.0.0.1:1")).predicate(any -> true).build());
        return exchange;
    }

    private org.springframework.cloud.gateway.filter.GatewayFilterChain forward() {
        return exchange -> {
            forwarded.set(exchange);
            return Mono.empty();
        };
    }
}
