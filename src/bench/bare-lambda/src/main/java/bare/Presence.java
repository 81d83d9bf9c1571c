package bare;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Named;

import java.util.Map;

/** The floor of the api function: an HTTP API (payload 2.0) event in, a small fixed presence answer out. */
@Named("bare")
public class Presence implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Map.of("statusCode", 200, "headers", Map.of("Content-Type", "application/json"),
                "body", "{\"stateId\":\"ready\",\"rawPath\":\"" + event.get("rawPath") + "\"}",
                "isBase64Encoded", false);
    }
}
