package io.recsyslite.rest;

import io.recsyslite.core.error.NotFoundException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Pictures for the demo shop, drawn on request: {@code /img/<category>.svg} is a tile in a colour
 * of its own with the category's name, which the sample shop's {@code img_url}s point at. So the
 * demo shows images without reaching a third-party host. Stateless.
 */
public final class DemoImages {
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}\\.svg");

    private DemoImages() {
    }

    public static String svg(String fileName) {
        if (!NAME.matcher(fileName).matches()) {
            throw new NotFoundException("No demo image " + fileName);
        }
        String category = fileName.substring(0, fileName.length() - ".svg".length());
        int hue = Math.floorMod(category.hashCode() * 37, 360);
        String label = Character.toUpperCase(category.charAt(0)) + category.substring(1).replace('-', ' ');
        return String.format(Locale.ROOT, """
                <svg xmlns="http://www.w3.org/2000/svg" width="300" height="300" viewBox="0 0 300 300">\
                <rect width="300" height="300" fill="hsl(%d 55%% 82%%)"/>\
                <circle cx="150" cy="125" r="62" fill="hsl(%d 45%% 62%%)"/>\
                <rect x="60" y="205" width="180" height="14" rx="7" fill="hsl(%d 40%% 55%%)"/>\
                <text x="150" y="262" font-family="sans-serif" font-size="26" text-anchor="middle" \
                fill="hsl(%d 50%% 22%%)">%s</text></svg>""", hue, hue, hue, hue, label);
    }
}
