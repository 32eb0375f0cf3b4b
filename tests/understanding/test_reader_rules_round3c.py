"""General rules added in the third pass of issue 9's third round. First a safety rule: a reply that
names one thing the question asks about and denies another ("a heart attack in 2019, but no heart
failure") is never a plain no. Then rules to understand more of the answers a person would read
without doubt, without a new wrong reading. Every sentence here was written for this file, worded
differently from the answer sets; expected values come from what each sentence says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.screening.answers import NEVER, NO, NOT_SURE, YES
from tests.understanding.helpers import read_at as read, used


# --- safety: something asked about is named, something else asked about is denied -----------
NAMED_AND_ANOTHER_DENIED = [
    ("heart_disease", "a heart attack in 2019, but no heart failure"),
    ("heart_disease", "MI in 2019, no heart failure"),
    ("heart_disease", "heart attack in 2019, no heart failure"),
    ("heart_disease", "a heart attack 3 years ago, he does not have heart failure"),
    ("heart_disease", "heart attack two years back but there's no heart failure"),
    ("heart_disease", "angina, not heart failure"),
    ("heart_disease", "AF for years, never had a heart attack"),
    ("heart_disease", "atrial fibrillation but no chest pain"),
    ("heart_disease", "an irregular heartbeat, no heart attack though"),
    ("heart_disease", "a leaky heart valve, the serious kind, no other heart trouble"),
    ("heart_disease", "chest pain that needs a spray, no heart attack"),
    ("heart_disease", "no heart failure, but a heart attack in 2019"),
    ("heart_disease", "never had heart failure, only a heart attack"),
    ("heart_disease", "heart attack in 2019, all fine now"),
    ("heart_or_stroke_uncontrolled", "a stroke last year but no problems since"),
    ("heart_or_stroke_uncontrolled", "a stroke in march, no heart problems"),
    ("heart_or_stroke_uncontrolled", "mini stroke in june, never any heart trouble"),
    ("heart_or_stroke_uncontrolled", "heart failure that still makes her breathless, no stroke"),
    ("liver_disease", "hepatitis B, no cirrhosis"),
    ("liver_disease", "cirrhosis, but no hepatitis"),
    ("liver_disease", "hepatitis C, not cirrhosis though"),
    ("blood_clot_6_months", "a DVT in October, no PE"),
    ("blood_clot_6_months", "a clot in the lung in August, no leg clots"),
    ("blood_clot_6_months", "a stroke from a clot in september but nothing in the legs"),
    ("npc_health_screen", "a stroke last year but no problems since"),
    ("npc_health_screen", "lupus, but no transplant"),
    ("npc_health_screen", "active TB now, no hepatitis"),
    ("npc_health_screen", "HIV, no other immune problems and no TB"),
    ("breast_health_screen", "heart failure, no other problems"),
    ("autoimmune_disease", "psoriasis, no lupus"),
    ("autoimmune_disease", "rheumatoid arthritis but not lupus"),
    ("organ_transplant", "a bone marrow transplant in 2015, never an organ one"),
    ("immunodeficiency", "HIV, no other immune problem"),
    ("platinum_chemo", "carboplatin, no cisplatin"),
    ("platinum_chemo", "cisplatin in 2018, never had carboplatin"),
    ("pd1_therapy", "pembrolizumab last year, no other immunotherapy"),
    ("pd1_therapy", "toripalimab, not nivolumab"),
    ("anti_her2_therapy", "herceptin for a year, no other HER2 drugs"),
    ("metastatic_chemo", "capecitabine since the spread, no IV chemo"),
    ("metastatic_chemo", "xeloda tablets now, no drip chemo since it spread"),
    ("chemo_allergy", "a rash from paclitaxel, but no reaction to capecitabine"),
    ("chemo_allergy", "allergic to paclitaxel, fine with capecitabine"),
    ("lung_disease_3_months", "asthma got worse in october, no hospital stay"),
    ("severe_bone_damage", "a broken hip from the cancer in the bone, no spinal cord pressure"),
    ("severe_bone_damage", "pressure on the spinal cord last month, no fractures"),
    ("unhealed_wound_or_fracture", "a broken wrist that still hasn't healed, no wounds"),
    ("iv_or_swallowing_problem", "he can't swallow pills, no diarrhoea"),
    ("iv_or_swallowing_problem", "diarrhoea for months, no trouble swallowing"),
    ("substance_or_psychiatric", "depression, no drink or drug problem"),
    ("infection_last_2_weeks", "a chest infection last week, no fever now"),
    ("dialysis", "dialysis three times a week, no transplant"),
    ("immune_side_effect_severe", "colitis from the immunotherapy that put her in hospital, no other side effects"),
    ("effusion_drainage", "fluid drained from her lung twice this month, none around the heart"),
    # how the thing named is now, to a question about ever having had it
    ("heart_disease", "a heart attack in 2019, no problems now"),
    ("heart_disease", "he had a heart attack in 2019 but no problems since"),
    ("organ_transplant", "a kidney transplant in 2010, no problems since"),
    ("autoimmune_disease", "lupus, no problems now"),
]


@pytest.mark.parametrize("question_id, text", NAMED_AND_ANOTHER_DENIED)
def test_naming_one_thing_asked_and_denying_another_is_never_a_plain_no(reader, questions, question_id, text):
    reading = read(reader, questions, question_id, text)
    assert not (reading.value in (NO, NEVER) and not reading.needs_check), (text, reading)


def test_the_safety_list_is_long_enough():
    assert len(NAMED_AND_ANOTHER_DENIED) >= 30


@pytest.mark.parametrize("question_id, text", [
    ("liver_disease", "lung and liver secondaries, no cirrhosis"),  # where the cancer is: not another thing
    ("chemo_allergy", "paclitaxel was fine, no allergy at all"),  # a drug of the same part of the question
    ("effusion_drainage", "the fluid was drained in spring and it has not built up again"),  # "it": what is named
    ("severe_bone_damage", "spread to the spine, no fractures and no pressure on the cord"),
    ("heart_disease", "high blood pressure on tablets, no heart problems"),  # what does not count
    ("active_brain_metastases", "brain mets treated with radiotherapy, no symptoms now and not growing"),
    ("metastatic_chemo", "only hormone pills since it came back, no chemo"),
    ("heart_or_stroke_uncontrolled", "no, his heart is fine and he never had a stroke"),
    ("blood_clot_6_months", "no, not in the last six months"),
    ("chemo_allergy", "I had no trouble with capecitabine"),
])
def test_a_denial_of_the_part_named_is_still_a_no(reader, questions, question_id, text):
    assert used(read(reader, questions, question_id, text)) == NO


def test_a_denial_of_the_part_named_is_still_never(reader, questions):
    reading = read(reader, questions, "days_since_iv_antibiotics", "antibiotic tablets for a chest infection, never through a drip")
    assert used(reading) == NEVER


def test_the_question_parts_follow_what_these_points_to(questions):
    from bot.understanding.english.question_words import question_words

    groups = question_words(questions["chemo_allergy"]).asked.groups
    # "an allergic reaction to any of these drugs? One is capecitabine.": one part
    assert any({"allergic", "capecitabine"} <= group for group in groups)
    # the umbrella's lines stay apart, though its question says "any of these"
    umbrella = question_words(questions["npc_health_screen"]).asked.groups
    assert not any({"lupus", "transplant"} <= group for group in umbrella)


# --- words added to the question bank -----------------------------------------------------------
@pytest.mark.parametrize("question_id, text, expected", [
    ("blood_clot_6_months", "she had a PE in October", YES),
    ("blood_clot_6_months", "no PE or DVT", NO),
    ("platinum_chemo", "he had GP chemo for four cycles", YES),
    ("unhealed_wound_or_fracture", "a pressure ulcer on his heel that keeps weeping", YES),
    ("unhealed_wound_or_fracture", "her broken wrist still has not mended", YES),
    ("unhealed_wound_or_fracture", "no, the burn from radiation has healed", NO),
    ("active_hepatitis_b_or_c", "hep C, the viral load is high", YES),
    ("active_hepatitis_b_or_c", "hep B, on tenofovir and the virus is suppressed", NO),
    ("active_hepatitis_b_or_c", "HBV, viral load undetectable for years", NO),
    ("active_hepatitis_b_or_c", "she is a hepatitis B carrier", NOT_SURE),  # a carrier may or may not be active
])
def test_words_added_to_the_question_bank(reader, questions, question_id, text, expected):
    assert used(read(reader, questions, question_id, text)) == expected


# --- "only" is the question's own word ------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("only the hair, it's growing back", YES),
    ("just numb feet", YES),
    ("only hair loss and some tingling in the hands", YES),
    ("hair loss, and tingling in the feet too", YES),
    ("tingling toes and also a lot of diarrhoea", NO),
    ("mostly the tingling, plus mouth sores", NO),
    ("tiredness as well as the hair loss", NO),
])
def test_only_in_the_question_is_not_a_diminisher(reader, questions, text, expected):
    assert used(read(reader, questions, "side_effects_only_hair_or_nerves", text)) == expected


def test_only_with_a_severe_word_is_not_a_yes(reader, questions):
    assert used(read(reader, questions, "side_effects_only_hair_or_nerves", "just the neuropathy, but it is severe")) != YES


# --- consent to one of two options ----------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("they can use the old sample from my surgery but no new biopsy please", YES),
    ("yes to the stored tissue, I'd rather not have a new biopsy", YES),
    ("whatever helps the study", YES),
    ("no, I don't want any more biopsies", NO),
    ("no, not the stored one and not a new one", NO),
    ("I would not want another biopsy", None),  # nothing said about the stored sample: asked
])
def test_consent_to_the_stored_sample_only_is_a_yes(reader, questions, text, expected):
    assert used(read(reader, questions, "tissue_sample", text)) == expected


# --- two events with two times: the latest answers "when did you last have any treatment?" ------------
@pytest.mark.parametrize("text, expected", [
    ("radiotherapy finished in march and the hormone shot was 3 weeks ago", Decimal(21)),
    ("surgery in 2021, then chemo until august", Decimal(98)),
])
def test_the_latest_of_two_treatments_answers_the_last_treatment(reader, questions, text, expected):
    assert used(read(reader, questions, "last_treatment_days", text)) == expected


@pytest.mark.parametrize("text", [
    "her last chemo was in May and the scan was last week",  # a scan is not a treatment
    "no chemo since June, but the operation was 10 days ago",  # a negation: which one is meant
])
def test_two_times_stay_checked_unless_each_names_a_treatment(reader, questions, text):
    assert used(read(reader, questions, "last_treatment_days", text)) is None


def test_the_latest_of_two_times_is_only_for_the_umbrella(reader, questions):
    # to one treatment's question, two times still ask which one
    assert used(read(reader, questions, "days_since_chemotherapy", "chemo in March and chemo again 3 weeks ago")) is None


@pytest.mark.parametrize("question_id, text", [
    ("liver_disease", "he has bone mets but no cirrhosis or hepatitis"),  # where the cancer is, then the denial
    ("heart_or_stroke_uncontrolled", "a small stroke in 2018, no problems now"),  # asks how it is now: a no
])
def test_a_first_part_that_names_nothing_else_asked_leaves_the_no(reader, questions, question_id, text):
    assert used(read(reader, questions, question_id, text)) == NO
