package com.ctipresence.adapter.in.lambda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/** The parts of an SQS event the queue functions read: each record's id, body and delivery attributes. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SqsEvent(@JsonProperty("Records") List<Message> records) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Message(String messageId, String body, Map<String, String> attributes) {
    }
}
