package app.baton.careplan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.springframework.stereotype.Component;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON text for the tracker's jsonb columns, with the application's object mapper. Reading is lenient where requests
 * are strict: a row written before a field existed (a flag added by a later release reads as false) or by the next
 * release during a rolling upgrade (a field this one does not know) still reads.
 */
@Component
public class JsonColumns {

    private final ObjectMapper json;
    // One lenient reader per type, built once: a reader finds its root deserializer when it is made, and the sweep reads
    // a page's facts hundreds of times a second.
    private final Map<Type, ObjectReader> readers = new ConcurrentHashMap<>();

    JsonColumns(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public <T> T read(String text, TypeReference<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return readers.computeIfAbsent(type.getType(), t -> json.readerFor(json.getTypeFactory().constructType(t))
                    .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
                    .readValue(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getType().getTypeName() + " cannot be read", e);
        }
    }

    public <T> T read(String text, Class<T> type) {
        return read(text, new TypeReference<T>() {
            @Override
            public java.lang.reflect.Type getType() {
                return type;
            }
        });
    }
}
