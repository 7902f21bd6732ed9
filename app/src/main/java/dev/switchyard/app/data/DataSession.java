package dev.switchyard.app.data;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The data every screen works on. The data screen replaces it (imports, catalog edits); the
 * scenario, negotiate and compare screens listen to it. Changed on the UI thread only.
 */
public final class DataSession {
    private final ReadOnlyObjectWrapper<DataSet> dataSet = new ReadOnlyObjectWrapper<>(this, "dataSet");

    public ReadOnlyObjectProperty<DataSet> dataSetProperty() {
        return dataSet.getReadOnlyProperty();
    }

    public DataSet get() {
        return dataSet.get();
    }

    public void set(DataSet next) {
        dataSet.set(next);
    }
}
