package com.ctipresence.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * With quarkus-amazon-lambda on the classpath, a @QuarkusTest points RestAssured's port at the mock Lambda event
 * server (after the callbacks have run); the REST tests talk to the HTTP server. So every RestAssured request of a
 * @QuarkusTest gets {@code quarkus.http.test-port} through the default request specification, which wins over
 * RestAssured's port. (Registered in META-INF/services.)
 */
public class RestAssuredPort implements QuarkusTestBeforeEachCallback {
    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .setPort(ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class)).build();
    }
}
