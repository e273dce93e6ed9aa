package dev.hearth.server.realtime.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.type.ReferenceType;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.hearth.core.combat.Duration;
import dev.hearth.core.combat.SaveInput;
import dev.hearth.core.map.DrawingOp;
import dev.hearth.core.map.FogArea;
import dev.hearth.core.map.Shape;
import dev.hearth.core.map.Token;
import dev.hearth.core.map.TokenChange;
import dev.hearth.server.realtime.stream.CommandFormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The JSON of the game's plain records (combat and map commands and events, the encounter, the map
 * and their views, dice results), by Jackson's record support with a few house rules, so that the many combat
 * records need no hand-written codec and a new one is on the wire as soon as it exists:
 *
 * <ul>
 *   <li>components by name, as in the record (camelCase); an empty {@code Optional} is left out,
 *       and a missing one reads as empty, as does a missing list or map (a missing number reads as
 *       0, a missing boolean as false, which the rules then judge; a missing string or enum is refused);
 *   <li>enums as lower-case strings ({@code "fire"}, {@code "monster_group"}), as values and as map
 *       keys; anything else is refused, naming the values allowed;
 *   <li>the sealed {@link Duration}, {@link SaveInput}, and the map's {@link TokenChange}, {@link Shape},
 *       {@link FogArea} and {@link DrawingOp} carry a {@code kind}: the snake_case name of the record
 *       ({@code "until_end_of_next_turn"}, {@code "rolled"}, {@code "position"}, {@code "freehand"});
 *   <li>a map {@link Token} is flat, its stamps beside it ({@link TokenJson});
 *   <li>unknown fields are ignored, as in every command payload.
 * </ul>
 */
public final class GameJson {

    private GameJson() {}

    /** A mapper with the rules above; used for these records only, never for the envelope. */
    public static ObjectMapper mapper() {
        SimpleModule module = new SimpleModule("hearth-game") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addKeyDeserializers((type, config, beanDesc) -> type.isEnumType()
                        ? new LowerCaseEnumKeyReader(type.getRawClass()) : null);
            }
        };
        module.addSerializer(Enum.class, new LowerCaseEnum());
        module.addKeySerializer(Enum.class, new LowerCaseEnumKey());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
                return new LowerCaseEnumReader(type.getRawClass());
            }

            @Override
            public JsonDeserializer<?> modifyReferenceDeserializer(DeserializationConfig config, ReferenceType type,
                    BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
                return type.getRawClass() == Optional.class ? new AbsentAsEmpty(deserializer) : deserializer;
            }
        });
        module.addSerializer(Token.class, new TokenJson.Writer());
        module.addDeserializer(Token.class, new TokenJson.Reader());
        List<Class<?>> kinded = List.of(Duration.class, SaveInput.class, TokenChange.class, Shape.class, FogArea.class,
                DrawingOp.class);
        kinded.forEach(sealed -> module.setMixInAnnotation(sealed, Kinded.class));
        List<NamedType> kinds = new ArrayList<>();
        for (Class<?> sealed : kinded) {
            for (Class<?> sub : sealed.getPermittedSubclasses()) {
                kinds.add(new NamedType(sub, snakeCase(sub.getSimpleName())));
            }
        }
        module.registerSubtypes(kinds.toArray(NamedType[]::new));
        return JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(module)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // A missing (or null) name, id or choice is refused, not passed on as null.
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // Strict like the hand-written fields: "5" is not a number and "true" not a boolean.
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                // A missing list or map is empty (no defenses, no d20s): only names, ids and choices are required.
                .withConfigOverride(List.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
                .withConfigOverride(Map.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .build();
    }

    /** {@code UntilEndOfNextTurn} → {@code until_end_of_next_turn}. */
    public static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    static String wireName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Every record a sealed interface permits, through nested sealed interfaces, in declaration order. */
    public static List<Class<?>> records(Class<?> sealed) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> sub : sealed.getPermittedSubclasses()) {
            if (sub.isRecord()) {
                out.add(sub);
            } else if (sub.isSealed()) {
                out.addAll(records(sub));
            }
        }
        return out;
    }

    /**
     * A command Jackson could not read, as a refusal naming the first field on the path of the
     * failure (or, for a missing one, the field the record asked for).
     */
    static CommandFormatException refusal(Exception e) {
        String field = "payload";
        String reason = "it is not valid";
        if (e instanceof JsonMappingException m) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            if (!path.isEmpty()) {
                field = path.toString();
            }
            java.util.regex.Matcher missing = java.util.regex.Pattern.compile("creator property '(\\w+)'")
                    .matcher(String.valueOf(m.getOriginalMessage()));
            if (missing.find()) {
                String name = missing.group(1);
                String at = path.toString();
                field = at.isEmpty() ? name : at.equals(name) || at.endsWith("." + name) ? at : at + "." + name;
                reason = "it is required";
            } else if (m instanceof ValueInstantiationException v && v.getCause() != null) {
                Throwable cause = v.getCause();
                if (cause instanceof NullPointerException && cause.getMessage() != null
                        && cause.getMessage().matches("[A-Za-z]+")) {
                    field = cause.getMessage();
                    reason = "it is required";
                } else {
                    reason = cause.getMessage() == null ? reason : cause.getMessage();
                }
            } else if (m instanceof InvalidFormatException f && f.getOriginalMessage() != null
                    && f.getOriginalMessage().contains("one of ")) {
                reason = "it must be " + f.getOriginalMessage().substring(f.getOriginalMessage().indexOf("one of "));
            } else if (m instanceof InvalidTypeIdException) {
                field = field.equals("payload") ? "kind" : field + ".kind";
                reason = "its 'kind' is missing or unknown";
            } else {
                reason = "it has the wrong type or is missing";
            }
        }
        return new CommandFormatException(field, "'" + field + "' is not valid: " + reason + ".");
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
    private abstract static class Kinded {}

    /**
     * A missing {@code Optional} component reads as {@code Optional.empty()}: Jackson gives a missing
     * reference-typed creator property {@code null}, which the records refuse.
     */
    private static final class AbsentAsEmpty extends DelegatingDeserializer {
        AbsentAsEmpty(JsonDeserializer<?> delegatee) {
            super(delegatee);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new AbsentAsEmpty(newDelegatee);
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("rawtypes")
    private static final class LowerCaseEnum extends JsonSerializer<Enum> {
        @Override
        public void serialize(Enum value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(wireName(value));
        }
    }

    @SuppressWarnings("rawtypes")
    private static final class LowerCaseEnumKey extends JsonSerializer<Enum> {
        @Override
        public void serialize(Enum value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeFieldName(wireName(value));
        }
    }

    /** The constants of an enum by wire name, and the list of them for a refusal. */
    private static final class Names {
        final Map<String, Object> byName = new LinkedHashMap<>();
        final Class<?> type;

        Names(Class<?> type) {
            this.type = type;
            for (Object constant : type.getEnumConstants()) {
                byName.put(wireName((Enum<?>) constant), constant);
            }
        }

        Object read(String text, DeserializationContext ctxt) throws IOException {
            Object value = byName.get(text);
            if (value == null) {
                return ctxt.handleWeirdStringValue(type, text, "one of " + Arrays.stream(type.getEnumConstants())
                        .map(c -> wireName((Enum<?>) c)).collect(Collectors.joining(", ")));
            }
            return value;
        }
    }

    private static final class LowerCaseEnumReader extends JsonDeserializer<Object> {
        private final Names names;

        LowerCaseEnumReader(Class<?> type) {
            this.names = new Names(type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return ctxt.handleUnexpectedToken(names.type, p);
            }
            return names.read(p.getText(), ctxt);
        }
    }

    private static final class LowerCaseEnumKeyReader extends KeyDeserializer {
        private final Names names;

        LowerCaseEnumKeyReader(Class<?> type) {
            this.names = new Names(type);
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            Object value = names.byName.get(key);
            if (value == null) {
                return ctxt.handleWeirdKey(names.type, key, "one of " + String.join(", ", names.byName.keySet()));
            }
            return value;
        }
    }
}
