#!/usr/bin/env python3
"""The checks of Tools/browser/check.sh (argument: the borderkit executable).

1. The Natural Earth world's borders map (`borders --map world.html`; when ../shared is there) and the embedded
   routes map (`route --map routes.html`): the page loads with no console error, the number of interactive paths
   equals the number of features the page draws, a real click on a point of the France–Spain border (or the first
   border) opens its popup with the length the Markdown report shows for that pair, and the screenshot is not
   blank (colours counted).
2. A hostile file (names and ids that try to end the script block, inject tags and handlers): no script from the
   data runs, the page's title and its script elements are what BorderKit wrote, and the popup shows the text
   as text.
"""
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
WORLD = ROOT.parent / "shared/data/naturalearth/ne_10m_admin_0_countries_deu_v5.1.1.geojson"
failed = False


def report(ok, what):
    global failed
    failed |= not ok
    print(f"browser check: {'ok  ' if ok else 'FAIL'} {what}")


def browser():
    opts = Options()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,800", "--disable-dev-shm-usage"):
        opts.add_argument(a)
    opts.binary_location = "/usr/bin/chromium"
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)


def load(driver, page):
    driver.get(page.as_uri())
    expected = int(driver.find_element(By.ID, "map").get_attribute("data-borderkit-features"))
    WebDriverWait(driver, 60).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "path.leaflet-interactive")) >= expected)
    paths = len(driver.find_elements(By.CSS_SELECTOR, "path.leaflet-interactive"))
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    return expected, paths, errors


def click_feature(driver, layer_name, match):
    """Clicks a real point of the first feature of `layer_name` whose popup rows satisfy `match`; the popup's text."""
    data = driver.execute_script("return JSON.parse(document.getElementById('borderkit-data').textContent);")
    for li, layer in enumerate(data["layers"]):
        if layer["name"] != layer_name:
            continue
        # The longest matching segment: its middle is far from the markers at its ends.
        found = [(fi, dict(f["p"])) for fi, f in enumerate(layer["features"]) if match(dict(f["p"]))]
        found.sort(key=lambda x: -float(x[1].get("this segment", "0 km").split()[0].replace(",", "")))
        for fi, rows in found[:1]:
            # Zoomed in on the middle of the line (as a reader would), a point on it in the page's pixels, then a
            # real mouse click there.
            driver.execute_script("""
                var el = document.querySelector('.bk-' + arguments[0] + '-' + arguments[1]);
                var p = el.getPointAtLength(el.getTotalLength() / 2), m = el.getScreenCTM();
                var r = document.getElementById('map').getBoundingClientRect();
                var ll = borderkitMap.containerPointToLatLng(L.point(p.x * m.a + p.y * m.c + m.e - r.left, p.x * m.b + p.y * m.d + m.f - r.top));
                borderkitMap.setView(ll, 8, {animate: false});""", li, fi)
            x, y = driver.execute_script("""
                var el = document.querySelector('.bk-' + arguments[0] + '-' + arguments[1]);
                var p = el.getPointAtLength(el.getTotalLength() / 2), m = el.getScreenCTM();
                return [p.x * m.a + p.y * m.c + m.e, p.x * m.b + p.y * m.d + m.f];""", li, fi)
            body = driver.find_element(By.TAG_NAME, "body")
            ActionChains(driver).move_to_element_with_offset(body, 0, 0).perform()
            size = body.size
            ActionChains(driver).move_to_element_with_offset(body, int(round(x - size["width"] / 2)), int(round(y - size["height"] / 2))).click().perform()
            return rows, popup_text(driver)
    return None, None


def popup_text(driver):
    """The open popup's text (its rows' names and values), waited for; "" when none opens."""
    def text(d):
        found = d.find_elements(By.CSS_SELECTOR, ".leaflet-popup-content")
        return found[0].get_attribute("textContent") if found else ""
    try:
        WebDriverWait(driver, 10).until(lambda d: text(d) != "")
    except Exception:
        return ""
    return text(driver)


def colours(driver):
    image = Image.open(io.BytesIO(driver.get_screenshot_as_png())).convert("RGB").resize((300, 200))
    return len(set(image.getdata()))


def main():
    bk = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="borderkit-browser-") as d:
        work = Path(d)
        driver = browser()
        try:
            cases = []
            if WORLD.exists():
                md = work / "world-borders.md"
                subprocess.run([bk, "borders", "--territories", str(WORLD), "--id-property", "ADM0_A3", "-o", str(md), "--map", str(work / "world.html")],
                               check=True, capture_output=True)
                cases.append(("the world's borders", work / "world.html", md, ("ESP", "FRA")))
            else:
                print("browser check: ../shared is absent: the world map is skipped")
            md = work / "borders.md"
            subprocess.run([bk, "borders", "-o", str(md), "--map", str(work / "borders.html")], check=True, capture_output=True)
            cases.append(("the embedded borders", work / "borders.html", md, ("armenia", "azerbaijan")))
            subprocess.run([bk, "route", "-o", str(work / "routes.md"), "--map", str(work / "routes.html")], check=True, capture_output=True)
            cases.append(("the embedded routes", work / "routes.html", None, None))
            for name, page, md, pair in cases:
                size = page.stat().st_size
                expected, paths, errors = load(driver, page)
                report(not errors, f"{name}: loads with no console error ({size / 1e6:.2f} MB){'' if not errors else ': ' + str(errors[:3])}")
                report(paths == expected, f"{name}: {paths} interactive paths for {expected} features drawn")
                n = colours(driver)
                report(n >= 8, f"{name}: the screenshot is not blank ({n} colours)")
                if pair:
                    table = md.read_text()
                    row = next((line for line in table.splitlines() if line.startswith(f"| {pair[0]} | {pair[1]} |")), None)
                    length = row.split("|")[4].strip() if row else None
                    rows, text = click_feature(driver, "Borders", lambda r: r.get("border", "").count("–") == 1 and
                                               ("length of the border" in r) and length is not None and r["length of the border"] == f"{length} km")
                    ok = text is not None and f"{length} km" in text
                    report(ok, f"{name}: a click on the {pair[0]}–{pair[1]} border opens its popup with the report's {length} km"
                               f"{'' if ok else ': ' + repr(text)}")
            # The areas map: a click on a piece shows its claimants, holder and the area the Markdown report gives.
            md = work / "areas.md"
            subprocess.run([bk, "areas", "--at", "2021-01-01", "-o", str(md), "--map", str(work / "areas.html")], check=True, capture_output=True)
            expected, paths, errors = load(driver, work / "areas.html")
            report(paths == expected and not errors, f"the embedded areas in 2021: {paths} interactive paths for {expected} features, no console error")
            row = next(line for line in md.read_text().splitlines() if line.startswith("| armenia |  | Armenia |"))
            area = row.split("|")[4].strip()
            data = driver.execute_script("return JSON.parse(document.getElementById('borderkit-data').textContent);")
            li = next(i for i, l in enumerate(data["layers"]) if l["name"] == "Who holds what")
            fi = next(i for i, f in enumerate(data["layers"][li]["features"]) if dict(f["p"]).get("area") == f"{area} km²")
            driver.execute_script("""
                var el = document.querySelector('.bk-' + arguments[0] + '-' + arguments[1]); var b = el.getBoundingClientRect();
                el.dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: b.left + b.width / 2, clientY: b.top + b.height / 2}));""", li, fi)
            text = popup_text(driver)
            report(f"{area} km²" in text and "held by" in text and "claimed by" in text,
                   f"the areas map: a piece's popup shows its claimants, holder and the report's {area} km²{'' if f'{area} km²' in text else ': ' + repr(text)}")
            # The report's HTML pages: each loads clean, the borders page's map is interactive, its tables sort.
            folder = work / "report"
            subprocess.run([bk, "report", "--output", str(folder)], check=True, capture_output=True)
            pages = sorted(folder.glob("*.html"))
            bad = []
            for page in pages:
                driver.get(page.as_uri())
                errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
                if errors:
                    bad.append((page.name, errors[:2]))
            report(len(pages) >= 5 and not bad, f"report: {len(pages)} HTML pages load with no console error{'' if not bad else ': ' + str(bad)}")
            expected, paths, errors = load(driver, folder / "borders.html")
            report(paths == expected and not errors, f"report: borders.html's map has {paths} interactive paths for {expected} features")
            heads = [h for h in driver.find_elements(By.CSS_SELECTOR, "table.sortable th") if h.text.strip() == "length_km"]
            lengths = lambda: [float(r.find_elements(By.TAG_NAME, "td")[3].text.split()[0]) for r in heads[0].find_element(By.XPATH, "./ancestor::table").find_elements(By.CSS_SELECTOR, "tbody tr")]
            before = lengths()
            driver.execute_script("arguments[0].scrollIntoView();", heads[0])
            heads[0].click()
            after = lengths()
            report(after == sorted(before) and before != after, f"report: a click on length_km sorts the pairs' table ({len(after)} rows, {after[0]} km first)")
            # Hostile data.
            hostile = work / "hostile.geojson"
            evil = '</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
            features = [
                {"type": "Feature", "properties": {"code": "A", "name": evil}, "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}},
                {"type": "Feature", "properties": {"code": "<b>B</b>&amp;", "name": "B\u2028line"}, "geometry": {"type": "Polygon", "coordinates": [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]]}},
            ]
            hostile.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
            page = work / "hostile.html"
            subprocess.run([bk, "map", "--territories", str(hostile), "--id-property", "code", "--title", "<script>window.pwned=3</script>", "-o", str(page)],
                           check=True, capture_output=True)
            expected, paths, errors = load(driver, page)
            pwned = driver.execute_script("return window.pwned === undefined ? null : window.pwned;")
            scripts = driver.execute_script("return document.scripts.length;")
            title = driver.title
            report(pwned is None and scripts == 3 and title == "<script>window.pwned=3</script>" and not errors,
                   f"hostile names, ids and title: no script from the data ran (pwned={pwned}), {scripts} scripts, title kept as text, no console error")
            driver.execute_script("""
                var el = document.querySelector('.bk-0-0'); var b = el.getBoundingClientRect();
                el.dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: b.left + b.width / 2, clientY: b.top + b.height / 2}));""")
            text = popup_text(driver)
            pwned = driver.execute_script("return window.pwned === undefined ? null : window.pwned;")
            report(evil in text and pwned is None, f"the hostile name shows as text in its popup, nothing ran (pwned={pwned})")
        finally:
            driver.quit()
    if failed:
        sys.exit("browser check: failures above")


if __name__ == "__main__":
    main()
