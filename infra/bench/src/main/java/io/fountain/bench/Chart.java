package io.fountain.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * Latency distributions as cumulative curves on a logarithmic time axis: one curve per
 * measured series, so that the choreography and its floor, and each size, can be compared
 * at a glance.
 */
final class Chart {

	private static final Color[] PALETTE = { new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
			new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0x17becf), new Color(0xe377c2),
			new Color(0x7f7f7f), new Color(0xbcbd22) };

	private final Map<String, double[]> series = new LinkedHashMap<>();

	void add(String name, double[] sortedMillis) {
		if (sortedMillis.length > 0) {
			series.put(name, sortedMillis);
		}
	}

	void write(Path file, String title) throws IOException {
		int width = 1200;
		int height = 600;
		int left = 70;
		int right = 380;
		int top = 50;
		int bottom = 60;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		double min = series.values().stream().mapToDouble(v -> v[0]).min().orElse(0.1);
		double max = series.values().stream().mapToDouble(v -> v[v.length - 1]).max().orElse(1000);
		double lo = Math.floor(Math.log10(Math.max(0.01, min)));
		double hi = Math.ceil(Math.log10(Math.max(max, Math.pow(10, lo + 1))));
		int plotWidth = width - left - right;
		int plotHeight = height - top - bottom;
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		g.setColor(new Color(0xdddddd));
		for (double d = lo; d <= hi; d++) {
			int x = left + (int) ((d - lo) / (hi - lo) * plotWidth);
			g.drawLine(x, top, x, top + plotHeight);
			g.setColor(Color.DARK_GRAY);
			g.drawString(label(Math.pow(10, d)), x - 15, top + plotHeight + 18);
			g.setColor(new Color(0xdddddd));
		}
		for (int p = 0; p <= 100; p += 25) {
			int y = top + plotHeight - p * plotHeight / 100;
			g.drawLine(left, y, left + plotWidth, y);
			g.setColor(Color.DARK_GRAY);
			g.drawString(p + "%", left - 40, y + 4);
			g.setColor(new Color(0xdddddd));
		}
		g.setColor(Color.BLACK);
		g.drawRect(left, top, plotWidth, plotHeight);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
		g.drawString(title, left, 30);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		g.drawString("latency (ms, log scale) — cumulative share of operations", left, height - 15);
		int index = 0;
		for (Map.Entry<String, double[]> entry : series.entrySet()) {
			Color color = PALETTE[index % PALETTE.length];
			g.setColor(color);
			// Past the palette, the colours come round again dashed.
			g.setStroke(index < PALETTE.length ? new BasicStroke(2f) : new BasicStroke(2f, BasicStroke.CAP_BUTT,
					BasicStroke.JOIN_MITER, 10f, new float[] { 6f, 4f }, 0f));
			double[] values = entry.getValue();
			int previousX = -1;
			int previousY = -1;
			for (int i = 0; i < values.length; i++) {
				double v = Math.max(Math.pow(10, lo), values[i]);
				int x = left + (int) ((Math.log10(v) - lo) / (hi - lo) * plotWidth);
				int y = top + plotHeight - (int) ((i + 1) / (double) values.length * plotHeight);
				if (previousX >= 0) {
					g.drawLine(previousX, previousY, x, previousY);
					g.drawLine(x, previousY, x, y);
				}
				previousX = x;
				previousY = y;
			}
			int legendY = top + 20 + index * 22;
			g.drawLine(left + plotWidth + 13, legendY - 4, left + plotWidth + 29, legendY - 4);
			g.setColor(Color.BLACK);
			g.drawString(entry.getKey() + " (n=" + values.length + ")", left + plotWidth + 35, legendY);
			index++;
		}
		g.dispose();
		ImageIO.write(image, "png", file.toFile());
	}

	private static String label(double ms) {
		return ms >= 1000 ? (int) (ms / 1000) + " s" : ms >= 1 ? (int) ms + " ms" : ms + " ms";
	}

}
