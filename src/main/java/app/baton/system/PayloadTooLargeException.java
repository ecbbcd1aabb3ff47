package app.baton.system;

import java.io.IOException;

/** The request body passed the size limit while it was being read. */
class PayloadTooLargeException extends IOException {

    PayloadTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
