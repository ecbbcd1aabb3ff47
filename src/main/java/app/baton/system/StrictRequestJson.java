package app.baton.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.util.List;

/**
 * JSON types are part of the API's contract: a request body is read without Jackson's scalar
 * coercions, so a string field takes only a JSON string (not {@code true}, {@code 12345} or
 * {@code -1.5}), a number or boolean field only a number or boolean (not {@code "3"}), and a
 * date-time only a string ({@link DateRangeModule} refuses numbers). Each refusal is a 400 naming the
 * field. A string or an object's key holding the NUL character (U+0000, which PostgreSQL stores in neither text nor
 * jsonb) is a 400 naming the field, and so is a body with anything after its JSON value (two documents, one after the
 * other). Only the HTTP converter's copy of the mapper is strict; Baton's own stored JSON is read as before.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestJson implements WebMvcConfigurer {

    private static final CoercionInputShape[] SCALARS = {CoercionInputShape.Integer, CoercionInputShape.Float,
            CoercionInputShape.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString};

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter jackson) {
                jackson.setObjectMapper(strict(jackson.getObjectMapper()));
            }
        }
    }

    static ObjectMapper strict(ObjectMapper shared) {
        ObjectMapper mapper = shared.copy();
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.registerModule(new DatesAsStrings());
        mapper.registerModule(new NoNulCharacters());
        for (LogicalType type : new LogicalType[]{LogicalType.Textual, LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.DateTime}) {
            for (CoercionInputShape shape : SCALARS) {
                if (!native_(type, shape)) {
                    mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
                }
            }
        }
        return mapper;
    }

    /** The one JSON shape that is each type's own (a date-time is written as a string). */
    private static boolean native_(LogicalType type, CoercionInputShape shape) {
        return switch (type) {
            case Textual -> shape == CoercionInputShape.String || shape == CoercionInputShape.EmptyString;
            case DateTime -> shape == CoercionInputShape.String;
            case Integer -> shape == CoercionInputShape.Integer;
            case Float -> shape == CoercionInputShape.Float || shape == CoercionInputShape.Integer;
            case Boolean -> shape == CoercionInputShape.Boolean;
            default -> true;
        };
    }

    /** java.time values come as ISO strings; a number (read as epoch seconds otherwise) is refused. */
    private static final class DatesAsStrings extends SimpleModule {

        DatesAsStrings() {
            super("baton-dates-as-strings");
            setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                              JsonDeserializer<?> deserializer) {
                    return description.getBeanClass().getName().startsWith("java.time.") ? new StringsOnly(deserializer) : deserializer;
                }
            });
        }
    }

    private static final class StringsOnly extends DelegatingDeserializer {

        StringsOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new StringsOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            return super.deserialize(parser, context);
        }
    }

    /** A string that holds U+0000: refused, with the field's path, never with the value. */
    static final class NulCharacter extends InvalidFormatException {

        NulCharacter(JsonParser parser) {
            super(parser, "the NUL character is not allowed", null, String.class);
        }
    }

    /** Strings and object keys without U+0000; everything else about reading a string is Jackson's own. */
    private static final class NoNulCharacters extends SimpleModule {

        NoNulCharacters() {
            super("baton-no-nul-characters");
            addDeserializer(String.class, new NulFreeStrings());
            addKeyDeserializer(String.class, new NulFreeKeys());
        }
    }

    private static final class NulFreeStrings extends StdScalarDeserializer<String> {

        NulFreeStrings() {
            super(String.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw new NulCharacter(parser);
            }
            return value;
        }
    }

    private static final class NulFreeKeys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (key.indexOf('\0') >= 0) {
                throw new NulCharacter(context.getParser());
            }
            return key;
        }
    }
}
