package com.ctipresence.config;

import com.ctipresence.adapter.in.api.AgentPresenceDto;
import com.ctipresence.adapter.in.api.CallEventRequest;
import com.ctipresence.adapter.in.api.ConfigurationDto;
import com.ctipresence.adapter.in.api.DayTotalDto;
import com.ctipresence.adapter.in.api.HistoryEntryDto;
import com.ctipresence.adapter.in.api.PresenceChangeRequest;
import com.ctipresence.adapter.in.lambda.HttpApiEvent;
import com.ctipresence.adapter.in.lambda.HttpApiResponse;
import com.ctipresence.adapter.in.lambda.SqsBatchResponse;
import com.ctipresence.adapter.in.lambda.SqsEvent;
import com.ctipresence.adapter.in.problem.Problem;
import com.ctipresence.adapter.messages.TickMessage;
import com.ctipresence.adapter.messages.WrapUpMessage;
import com.ctipresence.domain.FieldError;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Every type Jackson (de)serialises by reflection that the native image would not find by itself: error bodies
 * built in exception mappers and filters; the API's DTOs, which the Lambda route table writes (no resource method
 * names them as its return type there); the Lambda events and answers the handlers read and write; the queue
 * messages. (JVM builds ignore this.)
 */
@RegisterForReflection(targets = {Problem.class, FieldError.class,
        AgentPresenceDto.class, CallEventRequest.class, ConfigurationDto.class, ConfigurationDto.StateDto.class,
        DayTotalDto.class, HistoryEntryDto.class, PresenceChangeRequest.class,
        HttpApiEvent.class, HttpApiEvent.RequestContext.class, HttpApiEvent.Authorizer.class, HttpApiEvent.Jwt.class,
        HttpApiResponse.class, SqsEvent.class, SqsEvent.Message.class, SqsBatchResponse.class,
        SqsBatchResponse.ItemFailure.class, WrapUpMessage.class, TickMessage.class,
        com.ctipresence.adapter.in.api.AgentProfileDto.class, com.ctipresence.adapter.in.api.DeliveryDto.class,
        com.ctipresence.adapter.in.api.DeliveryDto.WebhookDto.class, com.ctipresence.adapter.in.api.DeliveryDto.TeamsDto.class,
        com.ctipresence.adapter.in.api.DeliveryDto.SalesforceDto.class, ConfigurationDto.TeamsPairDto.class,
        AgentPresenceDto.DeliveryStatusDto.class, com.ctipresence.adapter.in.lambda.DeliveryEvent.class,
        com.ctipresence.adapter.in.lambda.DeliveryEvent.Record.class,
        com.ctipresence.adapter.in.lambda.DeliveryEvent.Stream.class})
public final class NativeReflection {
    private NativeReflection() {
    }
}
