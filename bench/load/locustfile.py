"""The mixed load of issue 17, item 4 (bench/load/run.sh runs it; docs/benchmarks.md has the figures).

Shares of the requests: 70 % anonymous job searches and postings, 20 % signed-in staff reading the
ledger, person pages and dashboards, 10 % writes through their workflows (a follow-up visit
recorded, a person registered, a seeker's application: the form's page, then the POST). Requests of the
write workflows are named "write: …". The users are split by weight in those shares, and each class's wait is set so that one user of any class
sends about 1.3 requests a second (a class's requests per task ÷ its mean time per task), so the
request shares follow the user shares. 127.0.0.1 only; run.sh bounds it in time.

Staff sign in once per account with both factors (the demo accounts' authenticator key; a code is
accepted once, so the sign-ins are serialised and each waits for a fresh 30 s window) and the
simulated users of an account share its session, as colleagues' browsers would not, but the
portal's cost per request is the same.
"""
import base64
import hashlib
import hmac
import random
import re
import struct
import threading
import time
from datetime import datetime, timedelta, timezone

from locust import HttpUser, between, task

PASSWORD = "Demo!2345678"
TOTP_KEY = "EPDEMOTOTPSECRETKEYFORDEVONLY234"
KEYWORDS = ["保安", "电工", "保洁", "厨师", "司机", "营业员", "会计", "护理", "焊工", "仓管", "客服", "普工"]
TOKEN = re.compile(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"')
POSTING_LINK = re.compile(r'href="/Jobs/([0-9a-f-]{36})')
NEXT_LINK = re.compile(r'href="([^"]+)" rel="next"')
PERSON_LINK = re.compile(r'href="/Station/Persons/([0-9a-f-]{36})[?"]')
CHINA = timezone(timedelta(hours=8))


def totp(counter):
    key = base64.b32decode(TOTP_KEY + "=" * (-len(TOTP_KEY) % 8))
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 15
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


def token_of(html):
    match = TOKEN.search(html)
    if not match:
        raise RuntimeError("no antiforgery token on the page")
    return match.group(1)


class Sessions:
    """One signed-in session per account, made once and shared by the users of that account."""

    lock = threading.Lock()
    cookies = {}
    last_window = [0]

    @classmethod
    def cookies_for(cls, client, user):
        with cls.lock:
            if user not in cls.cookies:
                cls.cookies[user] = cls.sign_in(client, user)
            return cls.cookies[user]

    @classmethod
    def sign_in(cls, client, user):
        page = client.get("/Identity/Account/Login", name="sign-in")
        response = client.post("/Identity/Account/Login", name="sign-in", allow_redirects=False, data={
            "Input.UserName": user, "Input.Password": PASSWORD, "__RequestVerificationToken": token_of(page.text)})
        location = response.headers.get("Location", "")
        if "LoginWith2fa" in location:
            while int(time.time()) // 30 <= cls.last_window[0]:
                time.sleep(1)
            window = int(time.time()) // 30
            cls.last_window[0] = window
            second = client.get(location, name="sign-in")
            response = client.post(location, name="sign-in", allow_redirects=False, data={
                "Input.Code": totp(window), "__RequestVerificationToken": token_of(second.text)})
        if response.status_code != 302:
            raise RuntimeError(f"sign-in of {user} answered {response.status_code}")
        return client.cookies.get_dict()


class SignedIn(HttpUser):
    abstract = True
    account = ""

    def on_start(self):
        for name, value in Sessions.cookies_for(self.client, self.account).items():
            self.client.cookies.set(name, value)


class Seeker(HttpUser):
    """Anonymous job seekers: a search, a page of results, a posting; the API now and then."""

    weight = 70
    wait_time = between(0.5, 2)

    @task(5)
    def search(self):
        response = self.client.get(f"/Jobs?q={random.choice(KEYWORDS)}", name="/Jobs?q=[keyword]")
        ids = POSTING_LINK.findall(response.text)
        if ids:
            self.client.get(f"/Jobs/{random.choice(ids)}", name="/Jobs/[id]")

    @task(2)
    def browse(self):
        self.client.get("/Jobs", name="/Jobs")

    @task(1)
    def api(self):
        self.client.get(f"/api/jobs?q={random.choice(KEYWORDS)}", name="/api/jobs?q=[keyword]")


class Staff(SignedIn):
    """Station staff and officials reading: the ledger, a person, the dashboard."""

    weight = 17
    wait_time = between(0.8, 1.8)  # 1.67 requests a task
    account = "street1"

    @task(4)
    def ledger(self):
        query = random.choice(["", "?status=Unemployed", "?longTerm=true", "?group=MinimumLivingAllowance", "?q=%E7%8E%8B"])
        response = self.client.get(f"/Station/Persons{query}", name="/Station/Persons[filter]")
        ids = PERSON_LINK.findall(response.text)
        if ids:
            self.client.get(f"/Station/Persons/{random.choice(ids)}", name="/Station/Persons/[id]")

    @task(2)
    def workbench(self):
        self.client.get("/Station", name="/Station")


class Official(SignedIn):
    """A county official's dashboard."""

    weight = 3
    wait_time = between(0.5, 1.1)  # 1 request a task
    account = "county1"

    @task
    def dashboard(self):
        self.client.get("/Bureau/Dashboard", name="/Bureau/Dashboard")


class Writer(SignedIn):
    """Community staff writing through the workflows: a home visit recorded, a person registered."""

    weight = 7
    wait_time = between(1.6, 2.7)  # 2.75 requests a task
    account = "community1"

    @task(3)
    def follow_up(self):
        response = self.client.get("/Station/Persons?status=Unemployed", name="write: /Station/Persons[filter]")
        ids = PERSON_LINK.findall(response.text)
        if not ids:
            return
        url = f"/Station/Persons/{random.choice(ids)}"
        page = self.client.get(url, name="write: /Station/Persons/[id]")
        today = datetime.now(CHINA).date().isoformat()
        self.client.post(f"{url}?handler=FollowUp", name="write: POST follow-up", allow_redirects=False, data={
            "FollowUp.Kind": "HomeVisit", "FollowUp.OccurredOn": today, "FollowUp.Notes": "负载测试走访",
            "__RequestVerificationToken": token_of(page.text)})

    @task(1)
    def register(self):
        page = self.client.get("/Station/Persons/Register", name="write: /Station/Persons/Register")
        region = re.search(r'<option selected="selected" value="(\d+)"|<option value="(\d+)" selected', page.text)
        self.client.post("/Station/Persons/Register", name="write: POST register", allow_redirects=False, data={
            "IdNumber": new_id_number(), "Input.Name": "负载测试" + str(random.randint(1000, 9999)),
            "Input.Address": "潍城区向阳路 8 号", "Input.Hukou": "Urban", "Input.Education": "JuniorHigh",
            "Input.EmploymentStatus": "Unemployed", "Input.LaborCapacity": "Full", "Input.WantsWork": "true",
            "RegionId": next(g for g in region.groups() if g) if region else "",
            "__RequestVerificationToken": token_of(page.text)})


class Applicant(SignedIn):
    """A signed-in job seeker applying to a posting found by search, a few result pages deep (a
    seeker applies to a posting once, so the first pages alone run out over repeated runs)."""

    weight = 3
    wait_time = between(2.5, 4.5)  # about 4.5 requests a task
    account = "seeker1"

    @task
    def apply(self):
        response = self.client.get(f"/Jobs?q={random.choice(KEYWORDS)}", name="write: /Jobs?q=[keyword]")
        for _ in range(random.randint(0, 3)):
            more = NEXT_LINK.search(response.text)
            if not more:
                break
            response = self.client.get(more.group(1).replace("&amp;", "&"), name="write: /Jobs?q=[keyword]&page")
        ids = POSTING_LINK.findall(response.text)
        if not ids:
            return
        url = f"/Seeker/Postings/{random.choice(ids)}"
        page = self.client.get(url, name="write: /Seeker/Postings/[id]")
        if "handler=Apply" not in page.text:
            return
        self.client.post(f"{url}?handler=Apply", name="write: POST apply", allow_redirects=False,
                         data={"__RequestVerificationToken": token_of(page.text)})


def new_id_number():
    """A valid, almost surely new resident ID number (GB 11643-1999: MOD 11-2 check character).
    Born in Beijing (110101): the bench register's numbers are all of Weifang (3707), so a
    registration here is never refused as a duplicate of one of them."""
    birth = datetime(1966, 1, 1) + timedelta(days=random.randint(0, 365 * 35))
    first17 = "110101" + birth.strftime("%Y%m%d") + "%03d" % random.randint(0, 999)
    total = sum(int(d) * (2 ** (17 - i) % 11) for i, d in enumerate(first17))
    check = (12 - total % 11) % 11
    return first17 + ("X" if check == 10 else str(check))
