#!/usr/bin/python3
"""jiujin-web in a real headless Chromium at phone size (ctest label `browser`).

Starts the real jiujin-dispatcher on the township sample and jiujin-web, issues a ticket as a
kiosk (the dispatcher's protocol over ZeroMQ, docs/protocol.md, as loopback clients state
their role), opens its page, and checks that the page turns into 请到1号窗口 without a
reload when window 1 calls it, the call reaching the page within a bound; then 预约 on a
second hall on the dispatcher's test clock: book on the page, check in as the kiosk, called,
rated on the phone, and another booking cancelled. Saves a screenshot of every page in both
languages:

    browser_test.py BINARY_DIR SOURCE_DIR [SCREENSHOT_DIR]

With SCREENSHOT_DIR = docs/images it refreshes the documentation's pictures (docs/web.md).
"""
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid

import zmq
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

binary_dir, source_dir = sys.argv[1], sys.argv[2]
shots = sys.argv[3] if len(sys.argv) > 3 else os.path.join(binary_dir, "tests/web/screenshots")
os.makedirs(shots, exist_ok=True)
hall = os.path.join(source_dir, "config/samples/township.toml")
work = tempfile.mkdtemp(prefix="jiujin-web-browser-")
children = []


def start(argv, marker, env=None):
    """Starts a program and returns (process, its READY line), waiting at most 20 s."""
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    children.append(process)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        if line.startswith(marker):
            return process, line.strip()
    raise SystemExit(f"{argv[0]} did not say {marker}")


def field(line, key):
    return line.split(key + "=")[1].split()[0]


try:
    _, ready = start([os.path.join(binary_dir, "dispatcher/service/app/jiujin-dispatcher"), "--config", hall,
                      "--db", os.path.join(work, "hall.db"), "--commands", "tcp://127.0.0.1:0",
                      "--events", "tcp://127.0.0.1:0", "--hours", "ignore"], "READY")
    commands, events = field(ready, "commands"), field(ready, "events")
    _, ready = start([os.path.join(binary_dir, "web/jiujin-web"), "--config", hall, "--commands", commands,
                      "--events", events, "--listen", "127.0.0.1", "--port", "0"], "READY")
    base = ready.split()[1].rstrip("/")

    context = zmq.Context()

    def request(role, type_, body, window=None, endpoint=None):
        """One request as a loopback client stating `role`; the result, or the test stops."""
        socket = context.socket(zmq.REQ)
        socket.setsockopt(zmq.RCVTIMEO, 30000)
        socket.setsockopt(zmq.LINGER, 0)
        socket.connect(endpoint or commands)
        stated = {"role": role, "name": f"browser-test-{role}"}
        if window:
            stated["window"] = window
        socket.send_json({"v": 1, "id": uuid.uuid4().hex, "type": type_, "body": body, "as": stated})
        reply = socket.recv_json()
        socket.close()
        if not reply.get("ok"):
            raise SystemExit(f"{type_} refused: {reply}")
        return reply["result"]

    def refusal(role, type_, body, window=None):
        """The error code of a request expected to be refused."""
        socket = context.socket(zmq.REQ)
        socket.setsockopt(zmq.RCVTIMEO, 30000)
        socket.setsockopt(zmq.LINGER, 0)
        socket.connect(commands)
        stated = {"role": role, "name": f"browser-test-{role}"}
        if window:
            stated["window"] = window
        socket.send_json({"v": 1, "id": uuid.uuid4().hex, "type": type_, "body": body, "as": stated})
        reply = socket.recv_json()
        socket.close()
        return "ok" if reply.get("ok") else reply.get("error", {}).get("code")

    def issue():
        return request("kiosk", "issue_ticket", {"item": "370199-GG-0001", "requestKey": uuid.uuid4().hex})

    def at_window(type_, body=None):
        return request("console", type_, dict({"window": 1}, **(body or {})), window=1)

    # 预约 (docs/booking.md) on a second hall of the same sample, on the dispatcher's test-only
    # clock (Monday 2026-12-07 08:40), so that a slot of today can be booked and checked in.
    clock = os.path.join(work, "clock")
    with open(clock, "w") as f:
        f.write("2026-12-07T08:40:00\n")
    _, ready = start([os.path.join(binary_dir, "dispatcher/service/app/jiujin-dispatcher"), "--config", hall,
                      "--db", os.path.join(work, "booking.db"), "--commands", "tcp://127.0.0.1:0",
                      "--events", "tcp://127.0.0.1:0", "--hours", "ignore", "--test-clock-file", clock], "READY",
                     env=dict(os.environ, JIUJIN_TEST_CLOCK="i-am-a-test"))
    booking_commands, booking_events = field(ready, "commands"), field(ready, "events")
    _, ready = start([os.path.join(binary_dir, "web/jiujin-web"), "--config", hall, "--commands", booking_commands,
                      "--events", booking_events, "--listen", "127.0.0.1", "--port", "0"], "READY")
    booking_base = ready.split()[1].rstrip("/")

    def booking_flow(driver, shoot):
        """Book a slot on the phone, check in at the kiosk, be called and rate; cancel another."""
        def ask(role, type_, body, window=None):
            return request(role, type_, body, window, endpoint=booking_commands)

        item = "370199-GG-0001"
        driver.get(f"{booking_base}/items/{item}")
        driver.find_element(By.CSS_SELECTOR, "p.book a.button").click()
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "label.slot"))
        assert "12月7日 周一" in driver.page_source
        shoot("book")
        driver.get(f"{booking_base}/book/{item}?lang=en")
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "label.slot"))
        shoot("book-en")
        driver.get(f"{booking_base}/book/{item}")
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "label.slot"))
        driver.find_element(By.CSS_SELECTOR, "label.slot input").click()  # 09:00, the first
        driver.find_element(By.ID, "phone").send_keys("13800000001")
        driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        WebDriverWait(driver, 10).until(lambda d: "/b/" in d.current_url)
        code = driver.find_element(By.CSS_SELECTOR, ".booking-code").text.replace(" ", "")
        assert len(code) == 8 and code.isdigit(), code
        assert "预约成功" in driver.page_source and "13800000001" not in driver.page_source
        assert driver.find_elements(By.CSS_SELECTOR, "svg.qr")
        shoot("booked")
        driver.get(f"{booking_base}/b/{code}?lang=en")
        shoot("booked-en")

        # 预约签到 at the kiosk: a ticket with the slot; then called at window 1 and rated.
        checked = ask("kiosk", "check_in", {"code": code})
        assert checked["ticket"]["appointmentSlot"] is not None and checked["late"] is False, checked
        driver.get(f"{booking_base}/t/{checked['token']}")
        WebDriverWait(driver, 10).until(lambda d: headline() == "下一位就是您")
        ask("console", "clerk_login", {"window": 1, "clerk": "c01", "pin": "1234"}, window=1)
        ask("console", "open_window", {"window": 1}, window=1)
        ask("console", "call_next", {"window": 1}, window=1)
        WebDriverWait(driver, 10, poll_frequency=0.02).until(lambda d: headline() == "请到1号窗口")
        ask("console", "start_service", {"window": 1}, window=1)
        ask("console", "complete", {"window": 1}, window=1)
        WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "rate").is_displayed())
        driver.find_element(By.CSS_SELECTOR, "#rate button[value=very_satisfied]").click()
        WebDriverWait(driver, 10).until(lambda d: d.execute_script(
            "const e = document.getElementById('detail'); return e ? e.textContent.trim() : ''")
            == "感谢您的评价：非常满意")
        driver.get(f"{booking_base}/b/{code}")
        assert "已签到" in driver.page_source, driver.page_source

        # Another resident books and cancels on the page.
        driver.get(f"{booking_base}/book/{item}")
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "label.slot"))
        driver.find_elements(By.CSS_SELECTOR, "label.slot input")[1].click()
        driver.find_element(By.ID, "phone").send_keys("13800000002")
        driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        WebDriverWait(driver, 10).until(lambda d: "/b/" in d.current_url)
        driver.find_element(By.CSS_SELECTOR, "button.secondary").click()
        WebDriverWait(driver, 10).until(lambda d: "预约已取消" in d.page_source)
        shoot("booking-cancelled")
        print("booked, checked in at the kiosk, called, rated on the phone; another booked and cancelled")

    issue()  # somebody ahead
    token = issue()["token"]
    at_window("clerk_login", {"clerk": "c01", "pin": "1234"})
    at_window("open_window")

    options = Options()
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.add_argument("--disable-gpu")
    options.add_argument("--lang=zh-CN")
    options.add_experimental_option("mobileEmulation",
                                    {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 2}})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        def headline():
            return driver.find_element(By.ID, "headline").text

        def shoot(name):
            driver.save_screenshot(os.path.join(shots, f"web-{name}.png"))

        page = f"{base}/t/{token}"
        driver.get(page + "?lang=en")
        WebDriverWait(driver, 10).until(lambda d: "ahead" in headline())
        shoot("status-waiting-en")
        driver.get(page)
        WebDriverWait(driver, 10).until(lambda d: headline() == "前面还有 1 人")
        shoot("status-waiting")
        # The page must change by itself: a marker set now survives only if it is not reloaded.
        driver.execute_script("window.__sameDocument = 42;")
        at_window("call_next")  # the one ahead
        WebDriverWait(driver, 10, poll_frequency=0.02).until(lambda d: headline() == "下一位就是您")
        at_window("start_service")
        at_window("complete")
        started = time.monotonic()
        at_window("call_next")  # mine
        WebDriverWait(driver, 10, poll_frequency=0.01).until(lambda d: headline() == "请到1号窗口")
        seen = time.monotonic() - started
        assert driver.execute_script("return window.__sameDocument") == 42, "the page was reloaded"
        assert "phase-called" in driver.find_element(By.ID, "card").get_attribute("class")
        print(f"call seen on the page {seen * 1000:.0f} ms after call_next was sent (20 ms polling of the DOM)")
        time.sleep(0.1)  # let the first pulse of the animation settle for the picture
        shoot("status-called")
        driver.get(page + "?lang=en")
        WebDriverWait(driver, 10).until(lambda d: headline() == "Please go to window 1")
        shoot("status-called-en")

        # 评价二维码: completion offers the five levels on the page by itself (no reload); a tap
        # rates the service once, and the pad is then refused.
        driver.get(page)
        WebDriverWait(driver, 10).until(lambda d: headline() == "请到1号窗口")
        driver.execute_script("window.__sameDocument = 43;")
        at_window("start_service")
        at_window("complete")
        form = driver.find_element(By.ID, "rate")
        WebDriverWait(driver, 10, poll_frequency=0.02).until(lambda d: form.is_displayed())
        assert driver.execute_script("return window.__sameDocument") == 43, "the page was reloaded"
        assert [b.text for b in form.find_elements(By.TAG_NAME, "button")] == \
            ["非常满意", "满意", "基本满意", "不满意", "非常不满意"]
        shoot("status-rate")
        driver.get(page + "?lang=en")
        WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "rate").is_displayed())
        shoot("status-rate-en")
        driver.get(page)
        WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "rate").is_displayed())
        driver.find_element(By.CSS_SELECTOR, "#rate button[value=satisfied]").click()
        # The form posts and the page reloads: read the new document's text by script, since
        # an element found during the navigation may belong to the page being left.
        try:
            WebDriverWait(driver, 10).until(lambda d: d.execute_script(
                "const e = document.getElementById('detail'); return e ? e.textContent.trim() : ''")
                == "感谢您的评价：满意")
        except Exception:
            # which page the browser is on says why (页面已过期: the CSRF or Origin check)
            print("after rating, at", driver.current_url, ":", driver.execute_script("return document.body.innerText"))
            raise
        assert not driver.find_element(By.ID, "rate").is_displayed()
        shoot("status-rated")
        pad = refusal("console", "evaluate", {"window": 1, "rating": "very_dissatisfied"}, window=1)
        assert pad == "already_evaluated", f"the pad after the phone: {pad}"

        driver.get(base + "/")
        WebDriverWait(driver, 10).until(lambda d: "办事指南" in d.page_source)
        shoot("guide")
        driver.get(base + "/?lang=en")
        shoot("guide-en")
        driver.get(base + "/items/370199-GG-0001")
        assert "所需材料" in driver.page_source
        shoot("item")
        driver.get(base + "/items/370199-GG-0001?lang=en")
        shoot("item-en")

        booking_flow(driver, shoot)

        driver.get(f"{base}/t/AAAAAAAAAAAAAAAAAAAAAAAAAAAA")
        assert "号票二维码无效或已过期" in driver.page_source
        shoot("unknown-token")
        driver.get(f"{base}/t/AAAAAAAAAAAAAAAAAAAAAAAAAAAA?lang=en")
        assert "This ticket code is not valid" in driver.page_source
        shoot("unknown-token-en")
    finally:
        driver.quit()
    print(f"screenshots in {shots}")
finally:
    for child in reversed(children):
        child.terminate()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
