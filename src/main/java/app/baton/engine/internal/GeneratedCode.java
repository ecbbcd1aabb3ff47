package app.baton.engine.internal;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the bytecode of the classes a rule set version compiled to, without loading or running any
 * of it, and lists what they reference outside {@link BytecodeAllowList}: every type they name (in
 * their headers, fields, method descriptors, signatures, annotations, instructions and exception
 * handlers) and every field and method they use. A member used through a generated class but
 * declared by its runtime superclass is checked against that superclass.
 */
public final class GeneratedCode {

    /** The generated classes by internal name, read once for their headers and declared members. */
    private final Map<String, Header> generated = new HashMap<>();
    private final Set<String> forbidden = new LinkedHashSet<>();

    private record Header(String superName, String[] interfaces, Set<String> members) {
    }

    private GeneratedCode() {
    }

    /**
     * What the classes reference that no rule may use, each as {@code what (in class)}, in the order
     * met; empty when the version may be loaded.
     */
    public static List<String> forbiddenReferences(Map<String, byte[]> classes) {
        GeneratedCode check = new GeneratedCode();
        for (byte[] bytes : classes.values()) {
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
            check.generated.put(reader.getClassName(), new Header(reader.getSuperName(), reader.getInterfaces(), members));
        }
        for (byte[] bytes : classes.values()) {
            ClassReader reader = new ClassReader(bytes);
            reader.accept(check.new Checker(reader.getClassName()), ClassReader.SKIP_FRAMES);
        }
        return new ArrayList<>(check.forbidden);
    }

    private boolean typeAllowed(String name) {
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

    /** Checks every reference of one class. */
    private final class Checker extends ClassVisitor {

        private final String className;

        Checker(String className) {
            super(Opcodes.ASM9);
            this.className = className;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            type(superName);
            for (String type : interfaces) {
                type(type);
            }
            signature(signature);
        }

        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int access) {
            type(name);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            descriptor(descriptor);
            return null;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            descriptor(descriptor);
            signature(signature);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            descriptor(descriptor);
            signature(signature);
            if (exceptions != null) {
                for (String type : exceptions) {
                    type(type);
                }
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitTypeInsn(int opcode, String type) {
                    type(type);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                    member(owner, name);
                    descriptor(descriptor);
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                    member(owner, name);
                    descriptor(descriptor);
                }

                @Override
                public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
                    refuse("a dynamic call through " + dotted(bootstrap.getOwner()) + "." + bootstrap.getName());
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof Type type) {
                        descriptor(type.getDescriptor());
                    } else if (value instanceof Handle handle) {
                        refuse("a method handle of " + dotted(handle.getOwner()) + "." + handle.getName());
                    } else if (value instanceof ConstantDynamic constant) {
                        refuse("a dynamic constant " + constant.getName());
                    }
                }

                @Override
                public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
                    descriptor(descriptor);
                }

                @Override
                public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                    if (type != null) {
                        type(type);
                    }
                }

                @Override
                public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end, int index) {
                    descriptor(descriptor);
                    signature(signature);
                }

                @Override
                public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                    descriptor(descriptor);
                    return null;
                }
            };
        }

        private void member(String owner, String name) {
            if (!typeAllowed(owner)) {
                type(owner);
            } else if (!memberAllowed(owner, name)) {
                refuse(dotted(owner) + "." + name);
            }
        }

        private void type(String name) {
            if (name != null && !typeAllowed(name)) {
                refuse(dotted(name.startsWith("[") ? elementType(name) : name));
            }
        }

        private void descriptor(String descriptor) {
            Type type = Type.getType(descriptor);
            if (type.getSort() == Type.METHOD) {
                named(type.getReturnType());
                for (Type argument : type.getArgumentTypes()) {
                    named(argument);
                }
            } else {
                named(type);
            }
        }

        private void named(Type type) {
            Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
            if (element.getSort() == Type.OBJECT) {
                type(element.getInternalName());
            }
        }

        private void signature(String signature) {
            if (signature == null) {
                return;
            }
            new SignatureReader(signature).accept(new SignatureVisitor(Opcodes.ASM9) {
                @Override
                public void visitClassType(String name) {
                    type(name);
                }
            });
        }

        private void refuse(String what) {
            forbidden.add(what + " (in " + dotted(className) + ")");
        }
    }

    private static String dotted(String internalName) {
        return internalName.replace('/', '.');
    }
}
