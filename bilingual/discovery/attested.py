"""Names whose Arabic the press has settled, where a gazetteer or the ear goes wrong.

GeoNames keeps every Arabic name a place ever had, so a holy city can come back in its biblical
form (أورشليم for Jerusalem) and a border bridge by ear as a religious title (جسر النبي for the
Allenby Bridge); a river the press names in Arabic (the Orontes: العاصي) has no English-sounding
spelling at all. These tables hold the names the Arabic press prints, read before any other table
and never by sound. Each group says where its spellings come from; ``docs/name-discovery.md`` describes them.
General knowledge of the region, written from the sources below, never from an article we measure on.
"""

from __future__ import annotations

# fmt: off
#: Folded English → Arabic: places. Sources: the title of the place's Arabic Wikipedia article, as
#: the Arabic services of Al Jazeera, BBC, Asharq Al-Awsat and Sky News write it.
PLACES = {
    # Holy and historic cities: the name the press prints, never a biblical or historical form.
    "jerusalem": "القدس", "al quds": "القدس", "east jerusalem": "القدس الشرقية", "old city of jerusalem": "البلدة القديمة في القدس",
    "hebron": "الخليل", "bethlehem": "بيت لحم", "nazareth": "الناصرة", "jericho": "أريحا", "mecca": "مكة المكرمة",
    "makkah": "مكة المكرمة", "medina": "المدينة المنورة", "madinah": "المدينة المنورة", "najaf": "النجف",
    "karbala": "كربلاء", "kadhimiya": "الكاظمية", "samarra": "سامراء", "kufa": "الكوفة", "qom": "قم", "mashhad": "مشهد",
    "al aqsa": "الأقصى", "al aqsa mosque": "المسجد الأقصى", "dome of the rock": "قبة الصخرة", "sidon": "صيدا",
    "byblos": "جبيل", "palmyra": "تدمر", "babylon": "بابل", "petra": "البتراء", "carthage": "قرطاج",
    # Rivers, named in Arabic, not by their Greek or English names.
    "orontes": "العاصي", "orontes river": "نهر العاصي", "khabur": "الخابور", "khabour": "الخابور", "barada": "بردى",
    "yarmouk": "اليرموك", "yarmuk": "اليرموك", "balikh": "البليخ", "great zab": "الزاب الكبير", "little zab": "الزاب الصغير",
    "hasbani": "الحصباني", "wazzani": "الوزاني", "zarqa river": "نهر الزرقاء", "sajur": "الساجور",
    "atbara river": "نهر عطبرة", "senegal river": "نهر السنغال", "niger river": "نهر النيجر",
    # Crossings and bridges, as the press names them (a bridge never by ear: Allenby is no prophet).
    "allenby bridge": "جسر اللنبي", "king hussein bridge": "جسر الملك حسين", "erez": "إيريز", "erez crossing": "معبر إيريز",
    "kerem shalom": "كرم أبو سالم", "kerem shalom crossing": "معبر كرم أبو سالم", "rafah crossing": "معبر رفح",
    "bab al hawa": "باب الهوى", "bab al salameh": "باب السلامة", "bab al salama": "باب السلامة", "nasib": "نصيب",
    "al qaim": "القائم", "abu kamal": "البوكمال", "albukamal": "البوكمال", "al tanf": "التنف",
    "tanf": "التنف", "ras ajdir": "رأس جدير", "dehiba": "الذهيبة", "wazen": "وازن",
    "salloum": "السلوم", "argeen": "أرقين", "qustul": "قسطل", "guerguerat": "الكركرات", "masnaa": "المصنع",
    "naqoura": "الناقورة", "quneitra crossing": "معبر القنيطرة", "trebil": "طريبيل",
    # Camps whose names the press knows.
    "zaatari": "الزعتري", "azraq": "الأزرق", "rukban": "الركبان", "al hol": "الهول", "shatila": "شاتيلا",
    "ain al hilweh": "عين الحلوة", "nahr al bared": "نهر البارد", "jabalia": "جباليا",
    "nuseirat": "النصيرات", "bureij": "البريج", "maghazi": "المغازي", "tindouf": "تندوف", "dadaab": "داداب", "kakuma": "كاكوما",
    # Regions and areas by their Arabic names.
    "tihama": "تهامة", "hauran": "حوران", "qalamoun": "القلمون", "ghouta": "الغوطة", "eastern ghouta": "الغوطة الشرقية",
    "mahra": "المهرة", "al mahra": "المهرة", "shabwa": "شبوة", "socotra": "سقطرى",
    # Towns GeoNames names otherwise: renamed (Tabqa, the Baath's الثورة) or in another country's letters.
    "tabqa": "الطبقة", "agadez": "أغاديز", "akre": "عقرة", "neom": "نيوم",
    "wadi rum": "وادي رم", "wadi araba": "وادي عربة", "azawad": "أزواد", "hoggar": "الهقار", "tibesti": "تيبستي",
}

#: Folded English → Arabic: movements, parties and groups the press names so (translated word by
#: word they become someone else: a coalition is no person). Sources as above.
ORGANISATIONS = {
    "muslim brotherhood": "جماعة الإخوان المسلمين", "islamic jihad": "حركة الجهاد الإسلامي",
    "palestinian islamic jihad": "حركة الجهاد الإسلامي", "baath party": "حزب البعث", "ba ath party": "حزب البعث",
    "kurdistan workers party": "حزب العمال الكردستاني", "pkk": "حزب العمال الكردستاني",
    "democratic union party": "حزب الاتحاد الديمقراطي", "pyd": "حزب الاتحاد الديمقراطي", "ypg": "وحدات حماية الشعب",
    "people s protection units": "وحدات حماية الشعب", "women s protection units": "وحدات حماية المرأة",
    "polisario front": "جبهة البوليساريو", "hayat tahrir al sham": "هيئة تحرير الشام", "hts": "هيئة تحرير الشام",
    "syrian democratic forces": "قوات سوريا الديمقراطية", "sdf": "قوات سوريا الديمقراطية",
    "popular mobilization forces": "الحشد الشعبي", "popular mobilisation forces": "الحشد الشعبي",
    "rapid support forces": "قوات الدعم السريع", "rsf": "قوات الدعم السريع", "islamic state": "تنظيم الدولة الإسلامية",
    "al qaeda in the islamic maghreb": "تنظيم القاعدة في بلاد المغرب الإسلامي", "boko haram": "بوكو حرام",
    "white helmets": "الخوذ البيضاء", "amal movement": "حركة أمل", "lebanese forces": "القوات اللبنانية",
    "free patriotic movement": "التيار الوطني الحر", "kataeb": "الكتائب", "progressive socialist party": "الحزب التقدمي الاشتراكي",
    "national liberation front": "جبهة التحرير الوطني", "justice and development party": "حزب العدالة والتنمية",
    "ennahda movement": "حركة النهضة", "islah party": "حزب الإصلاح", "southern transitional council": "المجلس الانتقالي الجنوبي",
    "wagner group": "مجموعة فاغنر",
    # International bodies the region's press names daily; those with lower-case words inside ("Save
    # the Children", "Doctors Without Borders") are found whole in a sentence, never cut at "the".
    "united nations": "الأمم المتحدة", "european union": "الاتحاد الأوروبي", "african union": "الاتحاد الأفريقي",
    "arab league": "جامعة الدول العربية", "world bank": "البنك الدولي", "international monetary fund": "صندوق النقد الدولي",
    "world food programme": "برنامج الأغذية العالمي", "world health organization": "منظمة الصحة العالمية",
    "food and agriculture organization": "منظمة الأغذية والزراعة", "save the children": "منظمة إنقاذ الطفولة",
    "amnesty international": "منظمة العفو الدولية", "human rights watch": "هيومن رايتس ووتش",
    "international committee of the red cross": "اللجنة الدولية للصليب الأحمر",
    "norwegian refugee council": "المجلس النرويجي للاجئين", "international rescue committee": "لجنة الإنقاذ الدولية",
    # Companies the region's business pages name daily, and the naval missions of its sea lanes: a
    # brand spelled by ear is no person (Eni إيني, never إني). Sources: the companies' own Arabic
    # names and sites where they have them, else Al Jazeera's, Asharq Al-Awsat's and Al Arabiya's usage.
    "eni": "إيني", "bp": "بي بي", "shell": "شل", "totalenergies": "توتال إنرجيز", "total": "توتال",
    "exxonmobil": "إكسون موبيل", "chevron": "شيفرون", "aramco": "أرامكو", "saudi aramco": "أرامكو السعودية",
    "adnoc": "أدنوك", "qatarenergy": "قطر للطاقة", "qatar energy": "قطر للطاقة", "sonatrach": "سوناطراك",
    "equinor": "إكوينور", "repsol": "ريبسول", "petronas": "بتروناس", "gazprom": "غازبروم", "rosneft": "روسنفت",
    "lukoil": "لوك أويل", "halliburton": "هاليبرتون", "schlumberger": "شلمبرجير", "maersk": "ميرسك",
    "cma cgm": "سي إم إيه سي جي إم", "hapag lloyd": "هاباغ لويد", "cosco": "كوسكو", "dp world": "موانئ دبي العالمية",
    "siemens": "سيمنس", "alstom": "ألستوم", "orascom": "أوراسكوم", "hyundai": "هيونداي", "samsung": "سامسونغ",
    "huawei": "هواوي", "general electric": "جنرال إلكتريك", "boeing": "بوينغ", "airbus": "إيرباص",
    "lockheed martin": "لوكهيد مارتن", "raytheon": "رايثيون", "starlink": "ستارلينك", "egyptair": "مصر للطيران",
    "qatar airways": "الخطوط الجوية القطرية", "royal air maroc": "الخطوط الملكية المغربية",
    "facebook": "فيسبوك", "whatsapp": "واتساب", "telegram": "تلغرام", "twitter": "تويتر", "youtube": "يوتيوب",
    "tiktok": "تيك توك", "instagram": "إنستغرام",
    "aspides": "أسبيدس", "operation aspides": "عملية أسبيدس", "operation atalanta": "عملية أتالانتا",
    "operation prosperity guardian": "عملية حارس الازدهار",
    # Broadcasters, newspapers and news agencies the region's press quotes, by the names they use in
    # Arabic (their own mastheads and sites): an outlet is no person and no place. (SANA and WAFA are
    # left out: Sana سناء and Wafa وفاء are women's names too.)
    "al jazeera": "الجزيرة", "al arabiya": "العربية", "al hadath": "الحدث", "sky news arabia": "سكاي نيوز عربية",
    "al mayadeen": "الميادين", "al manar": "المنار", "al masirah": "المسيرة", "asharq al awsat": "الشرق الأوسط",
    "al ahram": "الأهرام", "al akhbar": "الأخبار", "an nahar": "النهار", "al quds al arabi": "القدس العربي",
    "al araby al jadeed": "العربي الجديد", "reuters": "رويترز", "agence france presse": "وكالة الصحافة الفرنسية",
    "associated press": "وكالة أسوشيتد برس", "middle east news agency": "وكالة أنباء الشرق الأوسط",
    "syrian arab news agency": "الوكالة العربية السورية للأنباء", "saudi press agency": "وكالة الأنباء السعودية", "wam": "وام",
    "kuna": "كونا", "qna": "قنا", "maghreb arab press": "وكالة المغرب العربي للأنباء",
    "algerie presse service": "وكالة الأنباء الجزائرية", "tunis afrique presse": "وكالة تونس أفريقيا للأنباء",
}
# fmt: on
