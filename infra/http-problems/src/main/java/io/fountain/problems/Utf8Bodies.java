package io.fountain.problems;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * A request body a controller reads (JSON or a Fountain document) must be well-formed
 * UTF-8: Jackson alone decodes some invalid bytes leniently (the overlong {@code C0 AF}
 * as {@code /}), so the text stored would not be the text sent. The body is checked as it
 * is read, with no copy: the reader gets the bytes before the first invalid sequence,
 * then {@link NotUtf8}, which Spring reports as an unreadable body (a 400 naming the JSON
 * path when Jackson was inside a value). Only the services read bodies: the edge passes
 * them on byte for byte.
 */
@ControllerAdvice
public class Utf8Bodies extends RequestBodyAdviceAdapter {

	@Override
	public boolean supports(MethodParameter methodParameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		InputStream checked = new Utf8Check(inputMessage.getBody());
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return checked;
			}

			@Override
			public HttpHeaders getHeaders() {
				return inputMessage.getHeaders();
			}
		};
	}

	/** The body is not UTF-8 from {@code line}, {@code offset} (both 1-based) on. */
	public static final class NotUtf8 extends IOException {

		NotUtf8(long line, long offset) {
			super("is not valid UTF-8 at line " + line + " (byte " + offset + "): send the body in UTF-8");
		}

	}

	/**
	 * Passes on the bytes of well-formed UTF-8 (RFC 3629: no overlong form, no surrogate,
	 * nothing above U+10FFFF, no truncated sequence), then fails.
	 */
	static final class Utf8Check extends InputStream {

		private final InputStream in;

		/** Continuation bytes the sequence being read still needs. */
		private int needed;

		/**
		 * Bounds of the next byte: narrower than 80..BF right after E0, ED, F0 and F4.
		 */
		private int lower = 0x80;

		private int upper = 0xBF;

		/** Bytes passed on, and lines begun, so far. */
		private long offset;

		private long line = 1;

		private NotUtf8 failure;

		Utf8Check(InputStream in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int n = read(one, 0, 1);
			return n < 0 ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int off, int len) throws IOException {
			if (failure != null) {
				throw failure;
			}
			if (len == 0) {
				return 0;
			}
			int n = in.read(buffer, off, len);
			if (n < 0) {
				if (needed > 0) {
					throw failure = new NotUtf8(line, offset + 1);
				}
				return -1;
			}
			for (int i = off; i < off + n; i++) {
				if (!accept(buffer[i] & 0xFF)) {
					failure = new NotUtf8(line, offset + 1);
					int good = i - off;
					if (good == 0) {
						throw failure;
					}
					return good;
				}
				offset++;
			}
			return n;
		}

		private boolean accept(int b) {
			if (needed > 0) {
				if (b < lower || b > upper) {
					return false;
				}
				lower = 0x80;
				upper = 0xBF;
				needed--;
				return true;
			}
			if (b < 0x80) {
				if (b == '\n') {
					line++;
				}
				return true;
			}
			if (b >= 0xC2 && b <= 0xDF) {
				needed = 1;
			}
			else if (b >= 0xE0 && b <= 0xEF) {
				needed = 2;
				lower = b == 0xE0 ? 0xA0 : 0x80; // E0 80..9F would be overlong
				upper = b == 0xED ? 0x9F : 0xBF; // ED A0..BF would be a surrogate
			}
			else if (b >= 0xF0 && b <= 0xF4) {
				needed = 3;
				lower = b == 0xF0 ? 0x90 : 0x80; // F0 80..8F would be overlong
				upper = b == 0xF4 ? 0x8F : 0xBF; // F4 90.. would be above U+10FFFF
			}
			else {
				return false; // a continuation byte with nothing to continue, C0, C1
								// (overlong), F5..FF
			}
			return true;
		}

		@Override
		public int available() throws IOException {
			return failure != null ? 0 : in.available();
		}

		@Override
		public void close() throws IOException {
			in.close();
		}

	}

}
