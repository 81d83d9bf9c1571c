package com.ctipresence.adapter.in.json;

import com.ctipresence.domain.FieldError;
import com.ctipresence.domain.ValidationException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a request body into a JSON tree with the strict parser of the application's {@link ObjectMapper} (its
 * nesting, number and text length limits apply). A syntax error ends reading: it is reported as one field error
 * {@code body} with line, column and a short reason, never with the parser's own wording of its internals. A key
 * that appears twice in an object is not a syntax error here: every duplicate is collected with its path (the first
 * value is kept), so that it is reported with the body's other field errors.
 */
final class JsonTree {
    private static final Pattern CODE = Pattern.compile("\\s*\\(code -?\\d+\\)|,\\s*code -?\\d+");
    private static final Pattern SOURCE = Pattern.compile(
            "\\s*\\((?:start marker|for [A-Za-z]+ starting) at \\[Source:[^\\]]*\\]\\)|\\s*\\[Source:[^\\]]*\\]");
    private static final Pattern INTERNALS = Pattern.compile("`|Source:|REDACTED|Feature|Constraints|jackson",
            Pattern.CASE_INSENSITIVE);

    private JsonTree() {
    }

    /** The body's root object; throws a {@link ValidationException} for a syntax error or a non-object body. */
    static ObjectNode read(ObjectMapper mapper, String raw, List<FieldError> duplicates) {
        try (JsonParser parser = mapper.createParser(raw)) {
            parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw ValidationException.of("body", "must be a JSON object { ... }");
            }
            ObjectNode root = readObject(parser, mapper.getNodeFactory(), "", duplicates);
            JsonLocation end = parser.currentLocation();
            if (trailing(parser)) {
                throw syntax(end, "unexpected content after the JSON object");
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw syntax(e.getLocation(), limit(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw syntax(e.getLocation(), reason(e.getOriginalMessage()));
        } catch (IOException e) {
            throw ValidationException.of("body", "cannot be read");
        }
    }

    private static boolean trailing(JsonParser parser) {
        try {
            return parser.nextToken() != null;
        } catch (IOException e) {
            return true;
        }
    }

    private static JsonNode readValue(JsonParser p, JsonNodeFactory nodes, String path, List<FieldError> duplicates)
            throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> readObject(p, nodes, path, duplicates);
            case START_ARRAY -> readArray(p, nodes, path, duplicates);
            case VALUE_STRING -> nodes.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> nodes.numberNode(p.getIntValue());
                case LONG -> nodes.numberNode(p.getLongValue());
                default -> nodes.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(p.getDecimalValue());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> throw syntax(p.currentTokenLocation(), "unexpected " + p.currentToken());
        };
    }

    private static ObjectNode readObject(JsonParser p, JsonNodeFactory nodes, String path,
                                         List<FieldError> duplicates) throws IOException {
        ObjectNode object = nodes.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (object.has(name)) {
                duplicates.add(new FieldError(JsonPaths.field(path, name), "appears more than once"));
                p.skipChildren();
            } else {
                object.set(name, readValue(p, nodes, JsonPaths.field(path, name), duplicates));
            }
        }
        return object;
    }

    private static ArrayNode readArray(JsonParser p, JsonNodeFactory nodes, String path, List<FieldError> duplicates)
            throws IOException {
        ArrayNode array = nodes.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            array.add(readValue(p, nodes, JsonPaths.index(path, array.size()), duplicates));
        }
        return array;
    }

    private static ValidationException syntax(JsonLocation at, String reason) {
        String where = at == null || at.getLineNr() < 1 ? ""
                : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return ValidationException.of("body", "is not well-formed JSON" + where + ": " + reason);
    }

    /** The parser's reason in a few words, without its internal names, codes or source excerpts. */
    static String reason(String original) {
        if (original == null || original.isBlank()) {
            return "cannot be parsed";
        }
        String text = original.lines().findFirst().orElse("").strip();
        if (text.startsWith("Unexpected end-of-input")) {
            return "the JSON ends before it is complete";
        }
        if (text.startsWith("Non-standard token")) {
            return "NaN and Infinity are not JSON numbers";
        }
        if (text.startsWith("Illegal unquoted character")) {
            return "a control character inside a text must be escaped (e.g. \\n)";
        }
        if (text.startsWith("Unexpected character ('''")) {
            return "texts and names must be in double quotes";
        }
        text = SOURCE.matcher(CODE.matcher(text).replaceAll("")).replaceAll("");
        int feature = text.indexOf(": enable");
        if (feature >= 0) {
            text = text.substring(0, feature);
        }
        if (text.isBlank() || INTERNALS.matcher(text).find()) {
            return "cannot be parsed";
        }
        text = text.length() > 160 ? text.substring(0, 157) + "..." : text;
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String limit(String original) {
        String text = original == null ? "" : original;
        if (text.contains("nesting depth")) {
            return "the JSON is nested too deeply";
        }
        if (text.contains("Number value length")) {
            return "a number has too many digits";
        }
        if (text.contains("String value length") || text.contains("Name length")) {
            return "a text or field name is too long";
        }
        return "the JSON exceeds a size limit";
    }
}
