package org.modelgov.validation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** The dataset port: each URI goes to the store of its scheme; a scheme no store serves is refused. */
@Service
class DatasetsByScheme implements DatasetSource {

    private final Map<String, DatasetStore> stores;

    DatasetsByScheme(List<DatasetStore> stores) {
        this.stores = stores.stream().collect(Collectors.toMap(DatasetStore::scheme, Function.identity(),
                (a, b) -> a, TreeMap::new));
    }

    @Override
    public InputStream open(String uri) throws IOException {
        URI parsed = parse(uri);
        return storeOf(parsed).open(parsed);
    }

    @Override
    public long size(String uri) {
        try {
            URI parsed = parse(uri);
            return storeOf(parsed).size(parsed);
        } catch (DatasetRefused e) {
            return -1;
        }
    }

    @Override
    public void checkLocation(String uri) throws DatasetRefused {
        URI parsed = parse(uri);
        storeOf(parsed).checkLocation(parsed);
    }

    private DatasetStore storeOf(URI uri) throws DatasetRefused {
        DatasetStore store = uri.getScheme() == null ? null : stores.get(uri.getScheme().toLowerCase());
        if (store == null) {
            throw new DatasetRefused("must be a " + stores.keySet().stream().map(s -> s + ":")
                    .collect(Collectors.joining(" or ")) + " URI");
        }
        return store;
    }

    private static URI parse(String uri) throws DatasetRefused {
        if (uri == null || uri.isBlank()) {
            throw new DatasetRefused("is empty");
        }
        try {
            return new URI(uri.strip());
        } catch (URISyntaxException e) {
            throw new DatasetRefused("is not a valid URI");
        }
    }
}
