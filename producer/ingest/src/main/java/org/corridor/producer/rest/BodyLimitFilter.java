package org.corridor.producer.rest;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ReadListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.corridor.producer.metrics.IngestMetrics;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with 413, by Content-Length when it is given and by counting otherwise
 * (chunked bodies), before anything is parsed. Every request: deciding by the raw URI would let {@code /api;x/...} by.
 */
final class BodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final IngestMetrics metrics;

    BodyLimitFilter(long limit, IngestMetrics metrics) {
        this.limit = limit;
        this.metrics = metrics;
    }

    /** Thrown by the counting stream; turned into 413 by {@link AlertsAdvice}. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("request body too large", null);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            metrics.rejected(null, IngestMetrics.Reason.TOO_LARGE);
            response.setStatus(413);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"urn:corridor:problem:too-large\",\"title\":\"Content Too Large\","
                    + "\"status\":413,\"detail\":\"the request body is " + request.getContentLengthLong()
                    + " bytes; the limit is " + limit + " bytes\"}");
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
                        throw new TooLarge();
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    int n = in.read(buffer, off, len);
                    if (n > 0 && (read += n) > limit) {
                        throw new TooLarge();
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
