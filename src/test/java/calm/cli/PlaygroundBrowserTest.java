package calm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.serve.Limits;
import calm.serve.PlaygroundServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground page in a real headless Chromium (Debian's chromium and chromium-driver; .ci/run
 * installs them): load, pick an example, see its verdicts and graph, edit a rule, see the diagnostic,
 * explore, see the witness, open a shared link. A screenshot of each state goes to target/playground/.
 * Without the browser this test fails: it is how the page is known to work.
 */
class PlaygroundBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target/playground");
  private static final String EXAMPLE = "07-vote-counting/naive.calm";
  private static final long STARTED = System.nanoTime();
  private static final String RULE = "reported(S, Y, N) :- partial(_, S, Y, N).";

  @Test
  void theWholeTourInOneBrowserSession() throws Exception {
    assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "the browser test needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
    Files.createDirectories(SHOTS);
    Path profile = Files.createTempDirectory("calm-chromium-");
    try (PlaygroundServer server =
        PlaygroundServer.start("127.0.0.1", 0, Path.of("examples"), new PlaygroundAnalyzer(), Limits.defaults())) {
      log("server started");
      WebDriver driver = browser(profile);
      log("browser started");
      try {
        tour(driver, server.address().toString());
      } finally {
        driver.quit();
      }
    } finally {
      deleteQuietly(profile);
    }
  }

  private void tour(WebDriver driver, String address) throws Exception {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    JavascriptExecutor js = (JavascriptExecutor) driver;

    driver.get(address);
    log("page opened");
    wait.until(d -> d.findElements(By.cssSelector("#examples option")).size() > 1);
    wait.until(ExpectedConditions.attributeToBeNotEmpty(driver.findElement(By.tagName("body")), "data-checked"));
    shot(driver, "1-loaded");

    new Select(driver.findElement(By.id("examples"))).selectByValue(EXAMPLE);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdicts"), "running"));
    wait.until(d -> d.findElements(By.cssSelector("#graph svg")).size() == 1);
    assertTrue(driver.findElement(By.id("verdicts")).getText().contains("needs-coordination"));
    assertTrue(driver.findElement(By.id("graph")).getText().contains("running"), "the graph names the output");
    shot(driver, "2-example");

    String program = (String) js.executeScript("return calmEditor.getValue()");
    assertTrue(program.contains(RULE), "the example holds the rule the test edits");
    int line = program.substring(0, program.indexOf(RULE)).split("\n", -1).length - 1;
    // edit the rule as a user would: put the cursor at the N of partial(...) and type over it
    js.executeScript("calmEditor.focus(); calmEditor.setSelection({line: arguments[0], ch: arguments[1]},"
        + " {line: arguments[0], ch: arguments[1] + 1});", line, RULE.lastIndexOf('N'));
    // keystrokes to whatever has the focus, as a keyboard sends them: CodeMirror's input is a hidden
    // textarea, which newer chromedrivers (150) refuse to type into as an element ("not interactable")
    new Actions(driver).sendKeys("M").perform();
    String at = (line + 1) + ":";
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("diagnostics"), at));
    String diagnostics = driver.findElement(By.id("diagnostics")).getText();
    assertTrue(diagnostics.matches("(?s).*" + at + "\\d+: error\\[E\\d+\\].*"), diagnostics);
    assertTrue(driver.findElements(By.cssSelector(".CodeMirror-lint-mark-error")).size() > 0);
    assertTrue(driver.findElement(By.id("graph")).getText().contains("no graph"));
    shot(driver, "3-diagnostic");

    new Actions(driver).sendKeys(org.openqa.selenium.Keys.BACK_SPACE, "N").perform();
    wait.until(d -> !d.findElement(By.id("diagnostics")).getText().contains(at));
    wait.until(d -> d.findElements(By.cssSelector("#graph svg")).size() == 1);
    driver.findElement(By.id("explore")).click();
    wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-explored", "yes"));
    String witnesses = driver.findElement(By.id("witnesses")).getText();
    assertTrue(witnesses.contains("schedule A") && witnesses.contains("schedule B"), witnesses);
    assertTrue(witnesses.contains("running("), witnesses);
    assertTrue(driver.findElements(By.cssSelector("#witnesses .event.marked")).size() > 0, "differing facts are highlighted");
    js.executeScript("document.getElementById('exploration').scrollIntoView()");
    shot(driver, "4-witness");

    String shared = "table t(x: int).\noutput table shown(x: int).\nt(1).\nshown(X) :- t(X).\n";
    String link = address + "#p=" + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(shared.getBytes(StandardCharsets.UTF_8));
    driver.get("about:blank");
    driver.get(link);
    log("shared link opened");
    try {
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdicts"), "shown"));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("status: " + driver.findElement(By.id("status")).getText() + "; editor: "
          + js.executeScript("return calmEditor.getValue()") + "; url: " + driver.getCurrentUrl(), e);
    }
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdicts"), "shown"));
    assertEquals(shared, js.executeScript("return calmEditor.getValue()"));
    String fragment = (String) js.executeScript("return location.hash");
    assertTrue(fragment.startsWith("#p="), fragment);
    shot(driver, "5-shared-link");

    // a program that never ends gets the explorer's error in the page; a program over the size limit
    // is ServeApiTest's (putting a megabyte in the editor costs the browser most of a minute here)
    String forever = "table n(x: int).\nn(0).\nn(X + 1)@next :- n(X).\noutput scratch o(x: int).\no(X) :- n(X).\n";
    js.executeScript("calmEditor.setValue(arguments[0]); document.body.dataset.explored = ''", forever);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#verdicts tbody td"), "o"));
    driver.findElement(By.id("explore")).click();
    wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-explored", "yes"));
    String summary = driver.findElement(By.id("explore-summary")).getText();
    assertTrue(summary.contains("failed") && summary.contains("" + PlaygroundAnalyzer.MAX_TICKS), summary);
    log("never-ending program explored");
    shot(driver, "6-never-ends");
  }

  private static WebDriver browser(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1000", "--user-data-dir=" + profile,
        // one process (renderer, GPU and network in the browser process; no zygotes) and no
        // extensions: the page needs no more, and the suite has a memory budget (docs/testing.md)
        "--single-process", "--renderer-process-limit=1", "--no-zygote", "--in-process-gpu",
        "--enable-features=NetworkServiceInProcess2", "--disable-extensions", "--mute-audio"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    return new ChromeDriver(service, options);
  }

  private static void shot(WebDriver driver, String name) throws Exception {
    log(name);
    File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private static void log(String what) {
    System.out.printf("playground: %s after %d ms%n", what, (System.nanoTime() - STARTED) / 1_000_000);
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (Exception e) {
      // a leftover profile in /tmp is harmless
    }
  }
}
