package app.baton.engine.internal;

import org.objectweb.asm.AnnotationVisitor;
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

/**
 * Walks one class file and reports every type it names (its header, fields, method descriptors,
 * signatures, annotations, instructions, exception handlers and local variables) and every field
 * and method it uses. Dynamic calls and method handle or dynamic constants are reported as refused
 * outright: nothing the executable model generates needs them.
 */
final class ClassReferences extends ClassVisitor {

    /** Where the references go. Types are internal names, possibly of arrays ("[Ljava/lang/String;"). */
    interface Sink {

        void type(String internalName);

        void member(String owner, String name);

        void refuse(String what);
    }

    private final Sink sink;

    ClassReferences(Sink sink) {
        super(Opcodes.ASM9);
        this.sink = sink;
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
                sink.member(owner, name);
                descriptor(descriptor);
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                sink.member(owner, name);
                descriptor(descriptor);
            }

            @Override
            public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
                sink.refuse("a dynamic call through " + bootstrap.getOwner().replace('/', '.') + "." + bootstrap.getName());
            }

            @Override
            public void visitLdcInsn(Object value) {
                if (value instanceof Type type) {
                    descriptor(type.getDescriptor());
                } else if (value instanceof Handle handle) {
                    sink.refuse("a method handle of " + handle.getOwner().replace('/', '.') + "." + handle.getName());
                } else if (value instanceof ConstantDynamic constant) {
                    sink.refuse("a dynamic constant " + constant.getName());
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

    private void type(String name) {
        if (name != null) {
            sink.type(name);
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
}
