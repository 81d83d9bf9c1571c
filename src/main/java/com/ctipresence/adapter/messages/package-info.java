/**
 * The queue messages the AWS functions exchange: written by the SQS outbound adapters, read by the Lambda inbound
 * adapters. The one place both sides take their format from.
 */
package com.ctipresence.adapter.messages;
