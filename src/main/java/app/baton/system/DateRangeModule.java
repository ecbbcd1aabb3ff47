package app.baton.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Holds every java.time value read from a JSON body to {@link DateRange}: a date such as
 * {@code +999999999-12-31T23:59:59Z} is a 400 naming the field (Spring Boot adds this module to its
 * ObjectMapper), instead of an overflow or a database error later.
 */
@Component
class DateRangeModule extends SimpleModule {

    private static final Set<Class<?>> DATES = Set.of(OffsetDateTime.class, Instant.class, LocalDate.class, LocalDateTime.class,
            ZonedDateTime.class);

    /** A date that reads but lies outside {@link DateRange}. */
    static final class OutOfRange extends InvalidFormatException {

        OutOfRange(JsonParser parser, Object value, Class<?> type) {
            super(parser, "date out of range", value, type);
        }
    }

    DateRangeModule() {
        super("baton-date-range");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return DATES.contains(description.getBeanClass()) ? new Checked(deserializer) : deserializer;
            }
        });
    }

    private static final class Checked extends DelegatingDeserializer {

        Checked(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            if (value != null && !DateRange.contains(value)) {
                throw new OutOfRange(parser, value, handledType());
            }
            return value;
        }
    }
}
