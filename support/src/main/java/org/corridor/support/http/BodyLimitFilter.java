package org.corridor.support.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * 413 for a request body over the limit: by Content-Length when given, otherwise by counting while the handler reads
 * (a chunked body then fails with {@link TooLarge}, an {@link IOException} the web layer answers 400 or 413). Placed
 * after authorisation, so an anonymous caller never gets a body read at all.
 */
public final class BodyLimitFilter extends OncePerRequestFilter {

    private final java.util.function.ToLongFunction<HttpServletRequest> limits;
    private final Runnable onRefused;

    public BodyLimitFilter(long limit) {
        this(limit, () -> { });
    }

    /** @param onRefused called for each request refused by its Content-Length (a metric, say) */
    public BodyLimitFilter(long limit, Runnable onRefused) {
        this(request -> limit, onRefused);
    }

    /**
     * @param limits    the limit of each request, in bytes (decide by something that fails closed: a path spelt
     *                  another way must get the smaller limit)
     * @param onRefused called for each request refused by its Content-Length (a metric, say)
     */
    public BodyLimitFilter(java.util.function.ToLongFunction<HttpServletRequest> limits, Runnable onRefused) {
        this.limits = limits;
        this.onRefused = onRefused;
    }

    /** Thrown by the counting stream. */
    public static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the request body is over the limit of " + limit + " bytes");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limits.applyAsLong(request);
        if (request.getContentLengthLong() > limit) {
            onRefused.run();
            Problems.write(response, 413, "too-large", "Content Too Large", "the request body is "
                    + request.getContentLengthLong() + " bytes; the limit is " + limit + " bytes");
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > limit) {
                        throw new TooLarge(limit);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    int n = in.read(buffer, off, len);
                    if (n > 0 && (read += n) > limit) {
                        throw new TooLarge(limit);
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
