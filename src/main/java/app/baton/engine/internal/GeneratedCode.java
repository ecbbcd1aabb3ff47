package app.baton.engine.internal;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.kie.api.builder.KieModule;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the bytecode of the classes a rule set version compiled to, without loading or running any
 * of it, and lists what they reference outside {@link BytecodeAllowList}: every type they name and
 * every field and method they use ({@link ClassReferences}). A member used through a generated
 * class but declared by its runtime superclass is checked against that superclass.
 */
public final class GeneratedCode {

    /** The generated classes by internal name, read once for their headers and declared members. */
    private final Map<String, Header> generated = new HashMap<>();
    private final Set<String> forbidden = new LinkedHashSet<>();
    private final Map<String, Boolean> typeVerdicts = new HashMap<>();

    private record Header(String superName, String[] interfaces, Set<String> members) {
    }

    private GeneratedCode() {
    }

    /**
     * What the classes a build wrote reference that no rule may use, each as {@code what (in class)},
     * in the order met; empty when the build may be loaded. Reads the class files of the module only.
     */
    public static List<String> forbiddenReferences(KieModule module) {
        InternalKieModule files = (InternalKieModule) module;
        List<byte[]> classes = new ArrayList<>();
        for (String name : files.getFileNames()) {
            if (name.endsWith(".class")) {
                classes.add(files.getBytes(name));
            }
        }
        GeneratedCode check = new GeneratedCode();
        classes.forEach(check::readHeader);
        for (byte[] bytes : classes) {
            ClassReader reader = new ClassReader(bytes);
            reader.accept(new ClassReferences(check.sink(reader.getClassName())), ClassReader.SKIP_FRAMES);
        }
        return new ArrayList<>(check.forbidden);
    }

    private void readHeader(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        Set<String> members = new HashSet<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                members.add(name);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                members.add(name);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        generated.put(reader.getClassName(), new Header(reader.getSuperName(), reader.getInterfaces(), members));
    }

    /** Holds the references of the class {@code className} to the allow-list. */
    private ClassReferences.Sink sink(String className) {
        String in = " (in " + dotted(className) + ")";
        return new ClassReferences.Sink() {
            @Override
            public void type(String internalName) {
                if (!typeAllowed(internalName)) {
                    forbidden.add(dotted(internalName.startsWith("[") ? elementType(internalName) : internalName) + in);
                }
            }

            @Override
            public void member(String owner, String name) {
                if (!typeAllowed(owner)) {
                    type(owner);
                } else if (!memberAllowed(owner, name)) {
                    forbidden.add(dotted(owner) + "." + name + in);
                }
            }

            @Override
            public void refuse(String what) {
                forbidden.add(what + in);
            }
        };
    }

    private boolean typeAllowed(String name) {
        // A build names the same few hundred types many thousands of times.
        return typeVerdicts.computeIfAbsent(name, this::decideType);
    }

    private boolean decideType(String name) {
        String type = name.startsWith("[") ? elementType(name) : name;
        if (type == null || generated.containsKey(type)) {
            return true;
        }
        if (matches(BytecodeAllowList.NEVER, type)) {
            return false;
        }
        return matches(BytecodeAllowList.OPEN, type) || BytecodeAllowList.MEMBERS.containsKey(type)
                || matches(BytecodeAllowList.TYPES_ONLY, type);
    }

    /** Whether {@code owner.name} may be used: declared by a generated class, or allowed on the runtime type that declares it. */
    private boolean memberAllowed(String owner, String name) {
        if (owner.startsWith("[")) {
            return typeAllowed(owner) && name.equals("clone");
        }
        Header header = generated.get(owner);
        if (header == null) {
            return runtimeMemberAllowed(owner, name);
        }
        if (header.members().contains(name)) {
            return true;
        }
        List<String> supertypes = new ArrayList<>();
        if (header.superName() != null) {
            supertypes.add(header.superName());
        }
        supertypes.addAll(List.of(header.interfaces()));
        return supertypes.stream().anyMatch(supertype -> memberAllowed(supertype, name));
    }

    private boolean runtimeMemberAllowed(String owner, String name) {
        if (!typeAllowed(owner)) {
            return false;
        }
        if (matches(BytecodeAllowList.OPEN, owner)) {
            return !BytecodeAllowList.CLOSED_MEMBERS.contains(owner + "." + name);
        }
        return BytecodeAllowList.MEMBERS.getOrDefault(owner, Set.of()).contains(name);
    }

    private static boolean matches(List<String> names, String type) {
        for (String name : names) {
            if (name.endsWith("/") ? type.startsWith(name) : type.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String elementType(String arrayDescriptor) {
        Type element = Type.getType(arrayDescriptor).getElementType();
        return element.getSort() == Type.OBJECT ? element.getInternalName() : null;
    }

    private static String dotted(String internalName) {
        return internalName.replace('/', '.');
    }
}
