import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads lines "pattern<TAB>input" (with backslash escapes for backslash, n, r, t,
 * and u followed by four hex digits) and
 * prints, per line, the non-empty matches as "start-end,start-end", or
 * "ERR:<description>" when the pattern does not compile.
 */
public class JavaMatches {
  static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) { b.append(c); continue; }
      char n = s.charAt(++i);
      switch (n) {
        case 'n': b.append('\n'); break;
        case 'r': b.append('\r'); break;
        case 't': b.append('\t'); break;
        case 'u': b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16)); i += 4; break;
        default: b.append(n);
      }
    }
    return b.toString();
  }

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = new PrintStream(System.out, true, "UTF-8");
    for (String line; (line = in.readLine()) != null; ) {
      int tab = line.indexOf('\t');
      String pattern = unescape(line.substring(0, tab));
      String input = unescape(line.substring(tab + 1));
      try {
        Matcher m = Pattern.compile(pattern).matcher(input);
        StringBuilder found = new StringBuilder();
        while (m.find()) {
          if (m.end() == m.start()) continue;
          if (found.length() > 0) found.append(',');
          found.append(m.start()).append('-').append(m.end());
        }
        out.println(found);
      } catch (PatternSyntaxException e) {
        out.println("ERR:" + e.getDescription());
      }
    }
  }
}
