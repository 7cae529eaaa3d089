package io.jornada.scoring;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Small PNG charts drawn with Java2D, for the evaluation report: line charts of point series
 * and bar charts. No charting library: a report needs axes, a few lines and a legend.
 */
final class Charts {

  private static final int WIDTH = 640;
  private static final int HEIGHT = 480;
  private static final int LEFT = 70;
  private static final int RIGHT = 170;
  private static final int TOP = 40;
  private static final int BOTTOM = 60;
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x7f7f7f)
  };

  /** A named line; {@code dashed} for references such as the diagonal. */
  record Series(String name, List<double[]> points, boolean dashed) {}

  static {
    // Without a display, AWT would first probe for one; headless drawing is all a report needs.
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  static void line(Path file, String title, String xLabel, String yLabel, double yMax, List<Series> series) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas(image, title, xLabel, yLabel, 1, yMax);
    for (int s = 0; s < series.size(); s++) {
      Series line = series.get(s);
      g.setColor(PALETTE[s % PALETTE.length]);
      g.setStroke(line.dashed()
          ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {6, 4}, 0)
          : new BasicStroke(2f));
      List<double[]> points = line.points();
      for (int i = 1; i < points.size(); i++) {
        g.drawLine(x(points.get(i - 1)[0], 1), y(points.get(i - 1)[1], yMax), x(points.get(i)[0], 1), y(points.get(i)[1], yMax));
      }
      if (points.size() <= 20) {
        for (double[] p : points) {
          g.fillOval(x(p[0], 1) - 3, y(p[1], yMax) - 3, 6, 6);
        }
      }
      legend(g, s, line.name());
    }
    write(image, g, file);
  }

  /** One bar per value, labelled 1..n along the x axis. */
  static void bars(Path file, String title, String xLabel, String yLabel, double[] values, double reference) {
    double yMax = Math.ceil(Math.max(reference, Arrays.stream(values).max().orElse(1)) + 0.5);
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas(image, title, xLabel, yLabel, values.length, yMax);
    int plotWidth = WIDTH - LEFT - RIGHT;
    double slot = (double) plotWidth / values.length;
    g.setColor(PALETTE[0]);
    for (int i = 0; i < values.length; i++) {
      int left = (int) (LEFT + i * slot + slot * 0.15);
      int top = y(values[i], yMax);
      g.fillRect(left, top, (int) (slot * 0.7), HEIGHT - BOTTOM - top);
    }
    legend(g, 0, "lift");
    g.setColor(PALETTE[3]);
    g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {6, 4}, 0));
    g.drawLine(LEFT, y(reference, yMax), WIDTH - RIGHT, y(reference, yMax));
    legend(g, 1, "random (1.0)");
    write(image, g, file);
  }

  private static Graphics2D canvas(BufferedImage image, String title, String xLabel, String yLabel, double xMax, double yMax) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString(title, LEFT, 25);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
    for (int tick = 0; tick <= 5; tick++) {
      double fx = tick / 5.0;
      int px = LEFT + (int) (fx * (WIDTH - LEFT - RIGHT));
      int py = y(fx * yMax, yMax);
      g.setColor(new Color(0xe0e0e0));
      g.drawLine(px, TOP + 1, px, HEIGHT - BOTTOM - 1);
      g.drawLine(LEFT + 1, py, WIDTH - RIGHT - 1, py);
      g.setColor(Color.BLACK);
      g.drawString(format(fx * xMax), px - 10, HEIGHT - BOTTOM + 16);
      g.drawString(format(fx * yMax), LEFT - 40, py + 4);
    }
    g.drawString(xLabel, LEFT + (WIDTH - LEFT - RIGHT) / 2 - 40, HEIGHT - 15);
    Graphics2D rotated = (Graphics2D) g.create();
    rotated.rotate(-Math.PI / 2);
    rotated.drawString(yLabel, -(TOP + (HEIGHT - TOP - BOTTOM) / 2 + 40), 18);
    rotated.dispose();
    return g;
  }

  private static void legend(Graphics2D g, int index, String name) {
    int top = TOP + 10 + index * 20;
    g.fillRect(WIDTH - RIGHT + 10, top, 14, 4);
    Color color = g.getColor();
    g.setColor(Color.BLACK);
    g.drawString(name, WIDTH - RIGHT + 30, top + 6);
    g.setColor(color);
  }

  private static void write(BufferedImage image, Graphics2D g, Path file) {
    g.dispose();
    try {
      ImageIO.write(image, "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write chart " + file, e);
    }
  }

  private static int x(double value, double max) {
    return LEFT + (int) Math.round(value / max * (WIDTH - LEFT - RIGHT));
  }

  private static int y(double value, double max) {
    return HEIGHT - BOTTOM - (int) Math.round(value / max * (HEIGHT - TOP - BOTTOM));
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
  }
}
