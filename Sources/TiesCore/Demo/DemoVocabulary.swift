/// The invented words the demo generator draws from: names, places, titles, tags and notes.
///
/// Every name here is made up; any likeness to a real person or organisation is chance. E-mail addresses use
/// the reserved `.example` top-level domain and phone numbers the fictional 555-01xx range, so nothing the
/// demo produces can reach anyone.
enum DemoVocabulary {
    static let firstNames: [String] = [
        "Dana", "Marcus", "Priya", "Wei", "Aisha", "Mateo", "Hannah", "Kwame", "Sofia", "Daniel",
        "Mei", "Omar", "Grace", "Luis", "Fatima", "Ethan", "Yuki", "Chloé", "Andre", "Leila",
        "Samuel", "Ana", "Tariq", "Rebecca", "Hiroshi", "Imani", "Nikhil", "Olivia", "Diego", "Amara",
        "Jonah", "Ingrid", "Rafael", "Nadia", "Caleb", "Mariam", "Tomás", "Elena", "Kofi", "Rachel",
        "Arjun", "Beatriz", "Isaac", "Zainab", "Connor", "Lucia", "Emeka", "Sarah", "Jae-won", "Camila",
        "Malik", "Freya", "Javier", "Esther", "Ravi", "Naomi", "Andrei", "Keisha", "Hamza", "Claire",
        "Minh", "Adaeze", "Patrick", "Valentina", "Ibrahim", "Julia", "Kenji", "Thandiwe", "Gabriel", "Renée",
        "Viktor", "Yasmin", "Desmond", "Anika", "Santiago", "Margaret", "Chidi", "Lena", "Ahmed", "Theresa",
        "Jamal", "Ximena", "Sanjay", "Monique", "Felipe", "Aaliyah", "Henrik", "Rosa", "Tobias", "Shreya",
        "Bianca", "Darnell", "Ayumi", "Khalid", "Maren", "Joaquín", "Eliza", "Obinna", "Catalina", "Vikram",
        "Noor", "Benjamin", "Alicia", "Seun", "Greta", "Rashid", "Lauren", "Duc", "Yetunde", "Marco",
        "Sunita", "Alejandro", "Helen", "Kareem", "Tamar", "Jorge", "Ifeoma", "Nathaniel", "Lin", "Paulo",
        "Asha", "Bogdan", "Michelle", "Tyrone", "Carmen", "Ji-ho", "Miriam", "Stefan", "Kavya", "Elijah",
        "Rania", "Owen", "Mercedes", "Tenzin", "Ruth", "Kai", "Adriana", "Emmanuel", "Farah", "Lucas",
        "Abena", "Gideon", "Harriet", "Luca", "Nia", "Oscar", "Parisa", "Quentin", "Sadia", "Wendell",
    ]

    static let lastNames: [String] = [
        "Reyes", "Okafor", "Patel", "Chen", "Haddad", "Nguyen", "Kowalski", "Mensah", "Garcia", "Sullivan",
        "Tanaka", "Abdullah", "Johansson", "Rossi", "Adeyemi", "Kim", "Friedman", "Castillo", "Osei", "Brennan",
        "Rahman", "Ivanova", "Moreau", "Okonkwo", "Delgado", "Park", "Schneider", "Bianchi", "Achebe", "Lindqvist",
        "Santos", "Khan", "Murphy", "Yamamoto", "Alvarez", "Boateng", "O'Neill", "Sharma", "Novak", "Dubois",
        "Hernández", "Choi", "Fischer", "Mwangi", "Torres", "Gupta", "Walsh", "Nakamura", "Petrov", "Silva",
        "Owusu", "Romero", "Singh", "Larsen", "Morales", "Ahmed", "Kaplan", "Esposito", "Eze", "Lopez",
        "Huang", "Bauer", "Diallo", "Ramírez", "Cohen", "Ortiz", "Yilmaz", "Jensen", "Acheampong", "Vargas",
        "Iyer", "Kelly", "Fernandes", "Watanabe", "Mendoza", "Abubakar", "Nilsson", "Cruz", "Shah", "Hoffmann",
        "Asante", "Jimenez", "Zhang", "Byrne", "Kaur", "Horvat", "Medina", "Wright", "Suzuki", "Oyelaran",
        "Castro", "Brooks", "Farouk", "Lund", "Navarro", "Obi", "Thompson", "Gallagher", "Hashemi", "Ruiz",
        "Bennett", "Mehta", "Lindgren", "Fuentes", "Coleman", "Liu", "Abara", "Peña", "Fitzgerald", "Ito",
        "Sandoval", "Mokoena", "Ward", "Wójcik", "Chaudhry", "Hughes", "Aguilar", "Okoye", "Rivera", "Jackson",
        "Salazar", "Baptiste", "Ng", "Robinson", "Mahmoud", "Dalton", "Vega", "Kariuki", "Hayes", "Nair",
        "Sato", "Campbell", "Afolabi", "Marsh", "Estrada", "Ogunleye", "Whitaker", "Banerjee", "Holloway", "Quispe",
        "Nakashima", "Lambert", "Tran", "Keller", "Sow", "Ferreira", "Douglas", "Rocha", "Ellison", "Bose",
    ]

    static let initials: [String] = [
        "A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N",
        "P", "R", "S", "T", "V", "W", "Y", "Z", "I", "O", "Q", "U", "X",
    ]

    // MARK: - Organisations

    /// First halves of invented place names ("Maple" + "wood").
    static let placeHeads: [String] = [
        "Cedar", "Maple", "Prairie", "Lake", "River", "Stone", "Pine", "Willow", "Oak", "Elm",
        "Silver", "Golden", "North", "South", "East", "West", "Green", "Red", "Clear", "Fair",
        "Bright", "High", "Spring", "Meadow", "Harbor", "Bay", "Hill", "Glen", "Ash", "Birch",
        "Aspen", "Fox", "Deer", "Eagle", "Hawk", "Sun", "Rock", "Mill", "Brook", "Wolf",
    ]
    /// Second halves of invented place names.
    static let placeTails: [String] = [
        "field", "ridge", "view", "wood", "dale", "brook", "ford", "haven", "crest", "side",
        "vale", "mont", "wick", "port", "ton", "land", "stead", "bury", "hurst", "moor",
    ]
    /// Surnames for the invented executive search firms (kept apart from people's surnames).
    static let firmNames: [String] = [
        "Halden", "Rourke", "Ashby", "Whitcombe", "Merriman", "Talbot", "Pryor", "Kessling", "Vance", "Albright",
        "Corwin", "Dunmore", "Everly", "Fairbairn", "Garland", "Hollis", "Ingram", "Jessup", "Kendrick", "Lowell",
        "Mallory", "Northcott", "Ormsby", "Pendleton", "Quimby", "Radcliffe", "Sterling", "Thornbury", "Upton",
        "Wexley",
    ]
    static let searchFirmPatterns: [@Sendable (String, String) -> String] = [
        { a, b in "\(a) & \(b)" },
        { a, b in "\(a) \(b) Partners" },
        { a, _ in "\(a) Executive Search" },
        { a, b in "\(a) & \(b) Healthcare Search" },
        { a, _ in "\(a) Leadership Advisors" },
        { a, _ in "\(a) Search Group" },
    ]
    static let healthSystemSuffixes = [
        " Health", " Health System", " Healthcare", " Health Partners", " Regional Health",
    ]
    static let hospitalSuffixes = [
        " Medical Center", " Community Hospital", " Regional Hospital", " Memorial Hospital",
        " General Hospital", " Children's Hospital",
    ]
    static let saints = [
        "Brigid", "Anselm", "Clare", "Jude", "Agnes", "Luke", "Monica", "Vincent", "Helena", "Benedict",
    ]
    static let schoolPatterns: [@Sendable (String) -> String] = [
        { "\($0) State University" },
        { "\($0) University School of Public Health" },
        { "University of \($0)" },
        { "\($0) College of Health Professions" },
    ]
    /// The first association is always this invented college of healthcare executives.
    static let college = "Heartland College of Healthcare Executives"
    static let associationPatterns: [@Sendable (String) -> String] = [
        { "\($0) Healthcare Financial Forum" },
        { "\($0) Society for Health Operations" },
        { "Women in Health Leadership, \($0) Chapter" },
        { "\($0) Chapter, Heartland College of Healthcare Executives" },
        { "\($0) Health Administration Alumni Council" },
    ]
    static let employerPatterns: [@Sendable (String) -> String] = [
        { "\($0) Physician Group" },
        { "\($0) Orthopedic Associates" },
        { "\($0) Health Plan" },
        { "\($0) Healthcare Consulting" },
        { "\($0) Medical Supply" },
        { "\($0) Cardiology Partners" },
        { "\($0) Home Health" },
        { "\($0) Imaging" },
    ]

    static let areaCodes = ["312", "414", "612", "314", "816", "317", "608", "515", "402", "630", "773", "952"]

    // MARK: - Titles

    static let managerTitles = [
        "Vice President, Operations", "Senior Vice President, Strategy", "Vice President, Ambulatory Services",
    ]
    static let sponsorTitles = [
        "Chief Operating Officer", "Chief Executive Officer", "Chief Strategy Officer", "Executive Vice President",
        "Chief Financial Officer", "President, Hospital Division",
    ]
    static let mentorTitles = [
        "Chief Nursing Officer", "President", "Chief Medical Officer", "Senior Vice President",
        "Vice President, Finance",
        "Chief Administrative Officer",
    ]
    static let facultyTitles = [
        "Professor of Health Management", "Director, MHA Program", "Associate Professor, Health Policy",
    ]
    static let associationLeaderTitles = ["Regent", "Chapter President", "Board Chair", "Past Chair"]
    static let colleagueTitles = [
        "Director, Perioperative Services", "Manager, Patient Access", "Senior Financial Analyst",
        "Director of Quality",
        "Nurse Manager", "Practice Manager", "Project Manager, Strategy", "Administrative Fellow",
        "Director, Revenue Cycle",
        "Manager, Clinical Operations", "Senior Data Analyst", "Director, Supply Chain", "Physician Liaison",
        "Director, Human Resources", "Manager, Process Improvement", "Chief of Staff", "Director, Facilities",
        "Pharmacy Operations Manager", "Director, Service Line", "Executive Assistant",
    ]
    static let peerTitles = [
        "Administrative Fellow", "Operations Manager", "Senior Consultant", "Practice Administrator",
        "Director, Service Line", "Associate Administrator", "Program Manager", "Senior Analyst, Strategy",
    ]
    static let friendTitles = [
        "Physical Therapist", "Attorney", "Product Manager", "Registered Nurse", "Teacher", "Pharmacist",
        "Software Engineer", "Architect", "Physician Assistant", "Accountant",
    ]
    static let clientTitles = [
        "Practice Administrator", "Medical Director", "Director of Contracting", "Chief Executive Officer",
        "Vice President, Network Development", "Operations Director",
    ]
    static let searchFirmTitles = [
        "Partner", "Managing Director", "Senior Associate", "Principal", "Senior Vice President, Healthcare Practice",
        "Research Associate", "Managing Partner",
    ]
    static let inHouseTitles = [
        "Director, Executive Recruitment", "Talent Acquisition Partner", "Senior Recruiter, Leadership Roles",
        "Physician & Executive Recruiter", "Manager, Talent Acquisition",
    ]
    static let otherTitles = [
        "Account Executive", "Consultant", "Board Member", "Foundation Director", "Program Officer",
        "Sales Director", "Communications Manager",
    ]

    // MARK: - Tags

    static let colleagueTags = ["operations", "finance", "quality", "nursing", "strategy", "physician", "data"]
    static let peerTags = ["fellowship", "cohort", "conference", "alumni"]
    static let friendTags = ["personal", "running", "book-club", "neighbour"]
    static let recruiterTags = ["executive-search", "coo-search", "cfo-search", "resume-sent"]
    static let otherTags = ["vendor", "board", "community", "foundation"]

    // MARK: - Notes

    static let mentorNotes = [
        "Talked through the director opening; advice: ask for a stretch project first.",
        "Mentoring session: feedback on my board presentation.",
        "Quarterly check-in; offered to review my capital budget memo.",
        "Discussed whether to pursue an MBA alongside the job.",
        "Career journal review: quantify the throughput project.",
    ]
    static let managerNotes = [
        "One-on-one: mid-year goals.",
        "Performance review; merit increase effective next quarter.",
        "Agreed I lead the clinic expansion workgroup.",
        "Feedback on the operating budget variance report.",
    ]
    static let recruiterNotes = [
        "Networking call; not looking, but sent my current resume.",
        "Asked about interest in a COO search at a community hospital.",
        "Told them about my new email and phone.",
        "Offered to suggest candidates for their VP Operations search.",
        "Followed up with a thank-you and an updated resume.",
    ]
    static let colleagueNotes = [
        "Huddle on emergency department throughput.",
        "Prepared slides for the quality committee together.",
        "Agreed next steps on the staffing model.",
    ]
    static let peerNotes = [
        "Compared notes on fellowship projects.",
        "Met at the chapter's spring conference.",
        "Offered to introduce her to our revenue-cycle lead.",
    ]
    static let generalNotes = [
        "Caught up over coffee.",
        "Sent the article I promised.",
        "Promised to follow up next month.",
    ]
}
