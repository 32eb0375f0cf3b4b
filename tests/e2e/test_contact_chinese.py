"""The hand-off in Chinese over the REST channel: both servers, a migrated database and a real
SMTP server on loopback. The screening is answered with buttons; the contact details are typed
(a Chinese name in one field, a +86 mobile, a landline refused first). Expected values are
written by hand."""

from __future__ import annotations

import json
import re
from email.header import decode_header, make_header

from tests.e2e.conftest import STUDY_TEAM_EMAILS, Chat, SmtpServer, body, button, conversation_events
from tests.e2e.servers import Servers
from tests.e2e.test_contact import NPC, REFERENCE, database
from tests.e2e.test_conversations import NPC_BUTTONS

CHOOSE_ZH = '/choose_language{"language": "zh"}'
CJK = re.compile(r"[\u4e00-\u9fff]")
# An English sentence: three Latin words in a row (an address, an id or "PD-1" is not one).
ENGLISH_SENTENCE = re.compile(r"\b[A-Za-z]{2,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}\b")
SPONSOR_ZH, SPONSOR_EN = "上海复宏汉霖生物技术股份有限公司", "Shanghai Henlius Biotech"
NAME, EMAIL = "陈小明", "chen.xiaoming@example.cn"
SECRETS = (NAME, "chen.xiaoming", "13912345678", "139 1234 5678", "1234-5678")


def english_sentences(text: str):
    return ENGLISH_SENTENCE.findall(text)


def test_a_hand_off_in_chinese_with_a_chinese_name_and_a_plus_86_number(
    chat: Chat, servers: Servers, smtp_server: SmtpServer, app_env
):
    chat.say(CHOOSE_ZH).say("/greet").say("/self_voice").say("/choose_npc")
    chat.answer_all(NPC_BUTTONS)
    assert chat.result["verdict"] == "likely_eligible"

    chat.say("/request_contact")
    consent = chat.text
    assert CJK.search(consent) and english_sentences(consent) == []
    assert SPONSOR_ZH in consent and "180" in consent and "删除我的数据" in consent
    assert chat.button_titles == ["同意", "不同意"]
    chat.say("/affirm")
    assert SPONSOR_ZH in chat.text and len(chat.button_titles) == 2  # the sponsor: its own yes or no
    chat.say("/deny")
    assert SPONSOR_ZH in chat.text and "姓名" in chat.text  # what the no means, then the one name field
    chat.say(NAME)
    assert "邮箱" in chat.text
    chat.say(EMAIL)
    assert "11" in chat.text  # the mobile number prompt says how many digits
    chat.say("010 6552 9988")  # a Beijing landline: refused in Chinese, and the name and e-mail kept
    assert CJK.search(chat.text) and english_sentences(chat.text) == [] and "11" in chat.text
    chat.say("+86 139-1234-5678")
    assert chat.button_titles == ["普通话", "粤语", "English", "其他"]
    chat.say(button("yue"))
    chat.say("跳过")  # the nearest city, skipped in words
    chat.say(button("skip"))  # the time to call, skipped with the button
    chat.say("/affirm")  # a copy by e-mail
    read_back = chat.text
    assert NAME in read_back and EMAIL in read_back and "139 1234 5678" in read_back and "粤语" in read_back
    assert english_sentences(read_back) == []
    chat.say("/affirm")
    reference = REFERENCE.search(chat.text).group(0)
    assert CJK.search(chat.text) and english_sentences(chat.text) == []

    with database(app_env) as connection:
        row = connection.execute(
            "SELECT full_name, first_name, last_name, email, phone, language, chat_language, sponsor_consent "
            "FROM contact_requests WHERE reference = ?", (reference,)).fetchone()
    assert row == (NAME, "", "", EMAIL, "+8613912345678", "yue", "zh", 0)

    mails = {m["To"]: m for m in smtp_server.mailbox.about(reference)}
    team = body(mails[STUDY_TEAM_EMAILS[NPC]])
    assert NAME in team and "Cantonese (yue)" in team and "Simplified Chinese (zh)" in team
    assert re.search(r"sponsor.*Not agreed", team)
    mine = mails[EMAIL]
    assert CJK.search(str(make_header(decode_header(mine["Subject"]))))
    letter = body(mine).partition("您在对话中的小结：")[0]
    assert NAME in letter and SPONSOR_ZH in letter and SPONSOR_EN not in letter
    assert english_sentences(letter.replace(EMAIL, "")) == []

    # The new details are nowhere in the conversation store or the logs.
    stored = json.dumps(conversation_events(servers, chat.sender), ensure_ascii=False)
    logs = "".join(path.read_text() for path in servers.logs.values())
    for secret in SECRETS:
        assert secret not in stored, secret
        assert secret not in logs, secret
