package org.modelgov.privacy;

import java.util.List;

/** A small CSV file with every kind of personal data the scan finds, for the scan's tests and the page tests. */
public final class PersonalDataScanTestData {

    private PersonalDataScanTestData() {
    }

    /** Values planted in {@link #mixed()}: none may appear in anything the scan produces. */
    public static final List<String> PLANTED = List.of("jane.doe@example.org", "+44 7700 900123", "123-45-6789",
            "AB123456C", "4111 1111 1111 1111", "GB82WEST12345698765432", "192.168.1.1", "1984-03-07", "Jane Doe",
            "Muslim", "Dr Alan Turing", "diabetes", "bob@example.com", "Diabetes");

    /** 10 rows: every detector in its own column, some cells blank, one near miss in several. */
    public static String mixed() {
        StringBuilder csv = new StringBuilder("id,email,phone,ssn,nino,card,iban,client_ip,date_of_birth,"
                + "full_name,faith,group,notes,order_no,build,signup_date,sex,age,condition\n");
        for (int i = 0; i < 10; i++) {
            boolean blank = i >= 8; // rows 9 and 10: blank personal fields
            csv.append(i).append(',')
                    .append(blank ? "" : "jane.doe@example.org").append(',')
                    .append(blank ? "" : "+44 7700 900123").append(',')
                    .append(blank ? "" : i == 0 ? "000-45-6789" : "123-45-6789").append(',') // 000: never issued
                    .append(blank ? "" : "AB123456C").append(',')
                    .append(blank ? "" : i == 0 ? "4111 1111 1111 1112" : "4111 1111 1111 1111").append(',')
                    .append(blank ? "" : "GB82WEST12345698765432").append(',')
                    .append(blank ? "" : "192.168.1.1").append(',')
                    .append(blank ? "" : i == 0 ? "2031-01-01" : "1984-03-07").append(',') // 2031: not yet born
                    .append(blank ? "" : i < 2 ? "Dr Alan Turing" : "Jane Doe").append(',')
                    .append(i % 2 == 0 ? "Muslim" : "Christian").append(',')
                    .append(i < 6 ? "Diabetes" : i < 8 ? "asthma" : "none").append(',')
                    .append(i == 3 ? "\"call me, bob@example.com\"" : "no comment").append(',')
                    .append(i == 5 ? "4111111111111111" : "12345678901234" + i + "7").append(',')
                    .append("1.2.3.").append(i + 1).append(',')
                    .append("2024-01-1").append(i).append(',')
                    .append(i % 2 == 0 ? "Female" : "Male").append(',')
                    .append(30 + i).append(',')
                    .append(i < 5 ? "good" : "fair").append('\n');
        }
        return csv.toString();
    }
}
