package com.ctipresence.adapter.out.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.List;

/**
 * One table's shape: its logical name (the physical name is the configured prefix + this), string partition key,
 * optional string sort key and optional TTL attribute. The SAM template mirrors these (checked by a test).
 */
public record TableSpec(String name, String partitionKey, String sortKey, String ttlAttribute) {

    public CreateTableRequest createRequest(String physicalName) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        attributes.add(AttributeDefinition.builder().attributeName(partitionKey)
                .attributeType(ScalarAttributeType.S).build());
        keys.add(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build());
        if (sortKey != null) {
            attributes.add(AttributeDefinition.builder().attributeName(sortKey)
                    .attributeType(ScalarAttributeType.S).build());
            keys.add(KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build());
        }
        return CreateTableRequest.builder().tableName(physicalName).attributeDefinitions(attributes)
                .keySchema(keys).billingMode(BillingMode.PAY_PER_REQUEST).build();
    }
}
