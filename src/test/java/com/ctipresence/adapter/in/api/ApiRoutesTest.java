package com.ctipresence.adapter.in.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static com.ctipresence.adapter.in.api.ApiResponse.CSV;
import static com.ctipresence.adapter.in.api.ApiResponse.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/** The route table's content negotiation: which of an operation's media types an Accept header picks. */
class ApiRoutesTest {

    @Test
    void noAcceptOrAWildcardGetsTheFirstProducedType() {
        assertThat(ApiRoutes.preferred(null, List.of(JSON, CSV))).isEqualTo(JSON);
        assertThat(ApiRoutes.preferred("*/*", List.of(JSON, CSV))).isEqualTo(JSON);
        assertThat(ApiRoutes.preferred("text/*", List.of(JSON, CSV))).isEqualTo(CSV);
    }

    @Test
    void theHighestQualityWinsThenTheOrderOfTheHeader() {
        assertThat(ApiRoutes.preferred("text/csv", List.of(JSON, CSV))).isEqualTo(CSV);
        assertThat(ApiRoutes.preferred("text/csv, application/json", List.of(JSON, CSV))).isEqualTo(CSV);
        assertThat(ApiRoutes.preferred("text/csv;q=0.5, application/json", List.of(JSON, CSV))).isEqualTo(JSON);
        assertThat(ApiRoutes.preferred("application/json;charset=UTF-8", List.of(JSON))).isEqualTo(JSON);
    }

    @Test
    void nothingAcceptableIsNull() {
        assertThat(ApiRoutes.preferred("text/html", List.of(JSON))).isNull();
        assertThat(ApiRoutes.preferred("text/csv", List.of(JSON))).isNull();
        assertThat(ApiRoutes.preferred("application/json;q=0", List.of(JSON))).isNull();
    }
}
