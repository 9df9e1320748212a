package org.opensra.array.http;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Method + path pattern ({@code /volumes/{id}/data}) dispatch. */
public final class Router {
    @FunctionalInterface
    public interface Handler {
        Object handle(Req r) throws IOException;
    }

    record Route(String method, Pattern pattern, List<String> names, Handler handler) {
    }

    record Match(Handler handler, Map<String, String> params, boolean pathKnown) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String path, Handler h) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(path);
        StringBuilder re = new StringBuilder();
        int last = 0;
        while (m.find()) {
            re.append(Pattern.quote(path.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        re.append(Pattern.quote(path.substring(last)));
        routes.add(new Route(method, Pattern.compile(re.toString()), names, h));
        return this;
    }

    public Router get(String path, Handler h) {
        return add("GET", path, h);
    }

    public Router post(String path, Handler h) {
        return add("POST", path, h);
    }

    public Router put(String path, Handler h) {
        return add("PUT", path, h);
    }

    public Router delete(String path, Handler h) {
        return add("DELETE", path, h);
    }

    Match match(String method, String rawPath) {
        boolean known = false;
        for (Route r : routes) {
            Matcher m = r.pattern().matcher(rawPath);
            if (m.matches()) {
                known = true;
                if (r.method().equals(method)) {
                    Map<String, String> params = new HashMap<>();
                    for (int i = 0; i < r.names().size(); i++) {
                        params.put(r.names().get(i), URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
                    }
                    return new Match(r.handler(), params, true);
                }
            }
        }
        return new Match(null, Map.of(), known);
    }
}
