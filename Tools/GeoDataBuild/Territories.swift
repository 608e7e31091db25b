import GeoCore

/// A territory of the embedded data: a DCW country code, a neutral id, and its names.
struct TerritorySpec {
    var code: String
    var id: String
    var names: [(String, String)]
}

/// The countries DCW may have inside the frame (those with nothing inside it are dropped).
let territorySpecs: [TerritorySpec] = [
    TerritorySpec(code: "AM", id: "armenia", names: [
        ("en", "Armenia"), ("hy", "Հայաստան"), ("hy-Latn", "Hayastan"), ("az", "Ermənistan"), ("ru", "Армения"),
        ("tr", "Ermenistan"), ("fa", "ارمنستان")]),
    TerritorySpec(code: "AZ", id: "azerbaijan", names: [
        ("en", "Azerbaijan"), ("az", "Azərbaycan"), ("hy", "Ադրբեջան"), ("hy-Latn", "Adrbejan"), ("ru", "Азербайджан"),
        ("tr", "Azerbaycan"), ("fa", "جمهوری آذربایجان")]),
    TerritorySpec(code: "GE", id: "georgia", names: [
        ("en", "Georgia"), ("ka", "საქართველო"), ("ka-Latn", "Sakartvelo"), ("az", "Gürcüstan"), ("hy", "Վրաստան"),
        ("ru", "Грузия"), ("tr", "Gürcistan"), ("fa", "گرجستان")]),
    TerritorySpec(code: "TR", id: "turkey", names: [
        ("en", "Turkey"), ("en-official", "Türkiye"), ("tr", "Türkiye"), ("az", "Türkiyə"), ("hy", "Թուրքիա"),
        ("ru", "Турция"), ("fa", "ترکیه")]),
    TerritorySpec(code: "IR", id: "iran", names: [
        ("en", "Iran"), ("fa", "ایران"), ("az", "İran"), ("hy", "Իրան"), ("ru", "Иран"), ("tr", "İran")]),
    TerritorySpec(code: "SY", id: "syria", names: [
        ("en", "Syria"), ("ar", "سوريا"), ("tr", "Suriye"), ("ru", "Сирия")]),
    TerritorySpec(code: "IQ", id: "iraq", names: [
        ("en", "Iraq"), ("ar", "العراق"), ("ku", "Iraq"), ("tr", "Irak"), ("fa", "عراق"), ("ru", "Ирак")]),
    TerritorySpec(code: "RU", id: "russia", names: [
        ("en", "Russia"), ("ru", "Россия"), ("az", "Rusiya"), ("hy", "Ռուսաստան"), ("ka", "რუსეთი"), ("tr", "Rusya"),
        ("fa", "روسیه")]),
    TerritorySpec(code: "KZ", id: "kazakhstan", names: [("en", "Kazakhstan")]),
    TerritorySpec(code: "TM", id: "turkmenistan", names: [("en", "Turkmenistan")]),
]
