package dev.switchyard.engine.workspace;

/**
 * The inputs a scenario or result uses, by content hash ({@link DatasetInfo#hash()}). Any may be
 * null while a scenario is being set up; a run result needs the traffic and price sheet.
 */
public record InputRefs(String catalogHash, String priceSheetHash, String trafficHash) {
    public static final InputRefs NONE = new InputRefs(null, null, null);

    public InputRefs {
        catalogHash = blankToNull(catalogHash);
        priceSheetHash = blankToNull(priceSheetHash);
        trafficHash = blankToNull(trafficHash);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
