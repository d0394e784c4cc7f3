"""Text of the layer-stack language: each row's 'why', each error and warning. key -> (en, ko)."""

TEXT = {
    # ---- why: the arithmetic with its numbers --------------------------------------------------
    "why.same": ("'same': ⌈{n}/{s}⌉ = {out}, pad {before} before and {after} after",
                 "'same': ⌈{n}/{s}⌉ = {out}, 앞에 {before}, 뒤에 {after} 패딩"),
    "why.valid": ("'valid': ⌊({n} − {k})/{s}⌋ + 1 = {out}", "'valid': ⌊({n} − {k})/{s}⌋ + 1 = {out}"),
    "why.dilated": (" (dilated kernel {d}·({k} − 1) + 1 = {k_eff})", " (팽창된 커널 {d}·({k} − 1) + 1 = {k_eff})"),
    "why.hw": ("H: {h} | W: {w}", "높이: {h} | 너비: {w}"),
    "why.params": ("params {product} + {bias} = {total}", "파라미터 {product} + {bias} = {total}"),
    "why.params_nobias": ("params {product} = {total}", "파라미터 {product} = {total}"),
    "why.tconv_valid": ("'valid': {n}·{s} + max({k} − {s}, 0) = {out}",
                        "'valid': {n}·{s} + max({k} − {s}, 0) = {out}"),
    "why.tconv_op": ("'valid': ({n} − 1)·{s} + {k} + {op} = {out}",
                     "'valid': ({n} − 1)·{s} + {k} + {op} = {out}"),
    "why.tconv_same": ("'same': {n}·{s} = {out}", "'same': {n}·{s} = {out}"),
    "why.tconv_same_op": ("'same': ({n} − 1)·{s} + ({k} mod 2) + {op} = {out}",
                          "'same': ({n} − 1)·{s} + ({k} mod 2) + {op} = {out}"),
    "why.torch_tconv": ("({n} − 1)·{s} − 2·{p} + {k} + {op} = {out}",
                        "({n} − 1)·{s} − 2·{p} + {k} + {op} = {out}"),
    "why.torch_same": ("'same': stays {n}, pad {before} before and {after} after",
                       "'same': {n} 그대로, 앞에 {before}, 뒤에 {after} 패딩"),
    "why.pool_strides": ("strides default to pool_size = {k}; ", "strides 기본값 = pool_size = {k}; "),
    "why.repeat": ("{n}·{s} = {out}, every pixel repeated", "{n}·{s} = {out}, 픽셀마다 반복"),
    "why.resize": ("resized {h}×{w} → {oh}×{ow}", "{h}×{w} → {oh}×{ow}로 크기 변경"),
    "why.scale": ("⌊{n}·{s}⌋ = {out}", "⌊{n}·{s}⌋ = {out}"),
    "why.pad": ("{n} + {a} + {b} = {out}", "{n} + {a} + {b} = {out}"),
    "why.crop": ("{n} − {a} − {b} = {out}", "{n} − {a} − {b} = {out}"),
    "why.flatten": ("{dims} = {out} values in one row", "{dims} = {out}개 값을 한 줄로"),
    "why.reshape": ("{total} values laid out as {shape}", "{total}개 값을 {shape} 모양으로 배치"),
    "why.dense": ("{n} → {units}", "{n} → {units}"),
    "why.dense_axis": ("acts on the last axis only: {n} → {units}", "마지막 축에만 작용: {n} → {units}"),
    "why.dropout": ("shape unchanged; zeroes {pct}% of values while training, none at test time",
                    "모양 그대로; 학습 중에만 값의 {pct}%를 0으로, 테스트 때는 그대로"),
    "why.spatial_dropout": ("shape unchanged; drops whole channels ({pct}%) while training",
                            "모양 그대로; 학습 중에 채널 전체를 {pct}% 끔"),
    "why.noise": ("shape unchanged; adds Gaussian noise σ = {s} while training",
                  "모양 그대로; 학습 중에 σ = {s}인 가우시안 노이즈를 더함"),
    "why.gaussian_dropout": ("shape unchanged; multiplies by noise (rate {r}) while training",
                             "모양 그대로; 학습 중에 노이즈(비율 {r})를 곱함"),
    "err.numpy_int": ("{kw}={v} is a NumPy number here (from np.prod(...) or .numpy()), and Keras 3 takes only "
                      "a plain Python int for it: write int(...) around it.",
                      "여기서 {kw}={v}는 NumPy 수(np.prod(...)나 .numpy()의 결과)인데, Keras 3은 여기에 파이썬 int만 "
                      "받습니다. int(...)로 감싸 주세요."),
    "why.activity_reg": ("shape unchanged; adds {l1}·Σ|a| + {l2}·Σa² of what passes to the loss while training "
                         "(a sparsity penalty), nothing learned",
                         "모양 그대로; 학습 중 지나가는 값의 {l1}·Σ|a| + {l2}·Σa²를 손실에 더함(희소성 벌점), 학습하는 "
                         "값 없음"),
    "why.rescaling": ("shape unchanged; every value × {s} + {o}, nothing learned",
                      "모양 그대로; 모든 값에 {s}를 곱하고 {o}를 더함, 학습하는 값 없음"),
    "why.normalization": ("shape unchanged; a mean and a variance for each of {n} positions, plus a count = {p} "
                          "numbers that adapt() sets from the data (not trained)",
                          "모양 그대로; {n}개 위치마다 평균과 분산, 그리고 개수 하나 = {p}개 값을 adapt()가 데이터로 "
                          "정함(학습하지 않음)"),
    "why.normalization_given": ("shape unchanged; (x − mean) / √variance with the mean and variance given, "
                                "nothing stored", "모양 그대로; 주어진 평균과 분산으로 (x − 평균) / √분산, 저장하는 값 없음"),
    "why.bn": ("{per} numbers per channel × {c} channels = {p}; {learned} per channel are trained "
               "(γ, β), {moving} are running statistics",
               "채널마다 {per}개 × {c}채널 = {p}; 채널마다 {learned}개는 학습(γ, β), {moving}개는 이동 통계"),
    "why.bn_torch": ("γ and β per channel: 2·{c} = {p} (running mean and variance are buffers)",
                     "채널마다 γ, β: 2·{c} = {p} (이동 평균·분산은 버퍼)"),
    "why.activation": ("shape unchanged: {name} acts on each value", "모양 그대로: {name}가 값마다 작용"),
    "why.global_pool": ("one number per channel from each {h}×{w} map → {c}",
                        "채널마다 {h}×{w} 맵에서 숫자 하나 → {c}"),

    # ---- errors: the rule and the numbers ------------------------------------------------------
    "err.prefix": ("Layer {i} ({name}): ", "{i}번 레이어 ({name}): "),
    "err.too_many_args": ("{layer} takes at most {n} arguments by position, got {m}.",
                          "{layer}는 위치 인자를 최대 {n}개 받는데 {m}개가 왔습니다."),
    "err.twice": ("{layer} got '{kw}' twice.", "{layer}에 '{kw}'가 두 번 주어졌습니다."),
    "err.did_you_mean": (" Did you mean '{kw}'?", " '{kw}'를 말씀하신 건가요?"),
    "err.unknown_kw": ("{layer} has no keyword '{kw}'.{hint}", "{layer}에는 '{kw}' 키워드가 없습니다.{hint}"),
    "err.missing": ("{layer} needs '{kw}'.", "{layer}에는 '{kw}'가 필요합니다."),
    "err.int_pos": ("'{kw}' must be a whole number ≥ 1, got {v!r}.",
                    "'{kw}'는 1 이상의 정수여야 하는데 {v!r}가 왔습니다."),
    "err.tuple": ("'{kw}' must be a whole number or {n} of them, got {v!r}.",
                  "'{kw}'는 정수 하나 또는 정수 {n}개여야 하는데 {v!r}가 왔습니다."),
    "err.tuple_pos": ("every value of '{kw}' must be ≥ 1, got {v!r}.",
                      "'{kw}'의 모든 값은 1 이상이어야 하는데 {v!r}가 왔습니다."),
    "err.tuple_nonneg": ("'{kw}' cannot be negative, got {v!r}.", "'{kw}'는 음수일 수 없는데 {v!r}가 왔습니다."),
    "err.rate": ("'{kw}' must be a number from 0 to 1, got {v!r}.",
                 "'{kw}'는 0에서 1 사이의 수여야 하는데 {v!r}가 왔습니다."),
    "err.bool": ("'{kw}' must be True or False, got {v!r}.", "'{kw}'는 True 또는 False여야 하는데 {v!r}가 왔습니다."),
    "err.number": ("'{kw}' must be a number ≥ {low}, got {v!r}.", "'{kw}'는 {low} 이상의 수여야 하는데 {v!r}가 왔습니다."),
    "err.choice": ("'{kw}' must be one of {options}; got {v!r}.", "'{kw}'는 {options} 중 하나여야 하는데 {v!r}가 왔습니다."),
    "err.rank_image": ("{layer} works on images shaped (H, W, C), but its input is {shape}. "
                       "Put a Reshape before it, e.g. Reshape((28, 28, 1)).",
                       "{layer}는 (H, W, C) 모양의 이미지를 받는데 입력이 {shape}입니다. "
                       "앞에 Reshape((28, 28, 1)) 같은 층을 넣으세요."),
    "err.rank_image_torch": ("{layer} works on images shaped (C, H, W), but its input is {shape}. "
                             "Put an Unflatten before it.",
                             "{layer}는 (C, H, W) 모양의 이미지를 받는데 입력이 {shape}입니다. 앞에 Unflatten을 넣으세요."),
    "err.rank_bn": ("{layer} cannot take an input of shape {shape}.", "{layer}는 {shape} 모양의 입력을 받을 수 없습니다."),
    "err.activation": ("unknown activation {v!r}. Keras knows: {names}",
                       "모르는 활성화 함수 {v!r}입니다. Keras가 아는 것: {names}"),
    "err.negative": ("the output would be {shape}: a size below zero.", "출력이 {shape}가 됩니다: 크기가 0보다 작습니다."),
    "err.strides_dilation": ("strides > 1 cannot be combined with dilation_rate > 1 (got strides={s}, "
                             "dilation_rate={d}).",
                             "strides > 1과 dilation_rate > 1은 함께 쓸 수 없습니다 (strides={s}, dilation_rate={d})."),
    "err.groups_filters": ("filters ({f}) must divide evenly by groups ({g}).",
                           "filters({f})는 groups({g})로 나누어떨어져야 합니다."),
    "err.groups_channels": ("the input's {c} channels must divide evenly by groups ({g}).",
                            "입력 채널 {c}개는 groups({g})로 나누어떨어져야 합니다."),
    "err.groups_torch": ("in_channels ({cin}) and out_channels ({cout}) must both divide evenly by groups ({g}).",
                         "in_channels({cin})와 out_channels({cout})는 모두 groups({g})로 나누어떨어져야 합니다."),
    "err.valid_zero": ("with padding='valid' the output would be ⌊({n} − {k})/{s}⌋ + 1 = {out}: the "
                       "{n}-pixel input is smaller than the {k}-pixel kernel. Use padding='same', a smaller "
                       "kernel, or fewer downsampling layers before this one.",
                       "padding='valid'이면 출력이 ⌊({n} − {k})/{s}⌋ + 1 = {out}이 됩니다: {n}픽셀 입력이 "
                       "{k}픽셀 커널보다 작습니다. padding='same'이나 더 작은 커널을 쓰거나, 앞의 축소 층을 줄이세요."),
    "err.pool_zero": ("with padding='valid' the output would be ⌊({n} − {k})/{s}⌋ + 1 = {out}: the "
                      "{n}-pixel input is smaller than the {k}-pixel pool. Use padding='same' or fewer "
                      "downsampling layers before this one.",
                      "padding='valid'이면 출력이 ⌊({n} − {k})/{s}⌋ + 1 = {out}이 됩니다: {n}픽셀 입력이 "
                      "{k}픽셀 풀보다 작습니다. padding='same'을 쓰거나 앞의 축소 층을 줄이세요."),
    "err.too_small": ("the output would be {out}: even padded ({n} + 2·{p}) the input is smaller than the "
                      "{k}-pixel window.",
                      "출력이 {out}이 됩니다: 패딩을 더해도({n} + 2·{p}) 입력이 {k}픽셀 창보다 작습니다."),
    "err.output_padding": ("output_padding {op} must be smaller than strides {s} in every direction.",
                           "output_padding {op}은 모든 방향에서 strides {s}보다 작아야 합니다."),
    "err.output_padding_torch": ("output_padding {op} must be smaller than stride {s} or dilation {d}.",
                                 "output_padding {op}은 stride {s} 또는 dilation {d}보다 작아야 합니다."),
    "err.stride_zero": ("strides {s} contain 0: the window would never move.", "strides {s}에 0이 있어 창이 움직이지 않습니다."),
    "err.pool_pad": ("padding {p} must be at most half the kernel size {k}.",
                     "padding {p}는 커널 크기 {k}의 절반 이하여야 합니다."),
    "err.same_strided": ("PyTorch does not allow padding='same' with stride > 1; give the padding as a number.",
                         "PyTorch는 stride > 1일 때 padding='same'을 허용하지 않습니다. 패딩을 숫자로 주세요."),
    "err.pairs": ("'{kw}' must be an int, (height, width) or ((top, bottom), (left, right)); got {v!r}.",
                  "'{kw}'는 정수, (높이, 너비), ((위, 아래), (왼쪽, 오른쪽)) 중 하나여야 하는데 {v!r}가 왔습니다."),
    "err.pad4": ("padding must be an int or (left, right, top, bottom), got {v!r}.",
                 "padding은 정수 또는 (왼쪽, 오른쪽, 위, 아래)여야 하는데 {v!r}가 왔습니다."),
    "err.crop": ("cropping {a} + {b} = {total} ≥ {n}: nothing would be left.",
                 "잘라내기 {a} + {b} = {total} ≥ {n}: 남는 것이 없습니다."),
    "err.target_shape": ("the target shape must be a list of whole numbers, got {v!r}.",
                         "목표 모양은 정수 목록이어야 하는데 {v!r}가 왔습니다."),
    "err.target_dims": ("the target shape {v} may hold at most one -1 and no other negative size.",
                        "목표 모양 {v}에는 -1이 하나까지만, 다른 음수는 올 수 없습니다."),
    "err.reshape_div": ("{total} values cannot fill {target}: the known sizes multiply to {known}, which "
                        "does not divide {total}.",
                        "{total}개 값으로 {target}를 채울 수 없습니다: 정해진 크기의 곱 {known}이 {total}을 나누지 못합니다."),
    "err.reshape": ("the input has {total} values but {target} holds {need}.",
                    "입력에는 값이 {total}개 있는데 {target}에는 {need}개가 들어갑니다."),
    "err.noise_shape": ("noise_shape must be a list of positive whole numbers or None, got {v!r}.",
                        "noise_shape는 양의 정수 목록이나 None이어야 하는데 {v!r}가 왔습니다."),
    "err.axis": ("axis {v!r} does not exist in an input of rank {rank} (the batch axis counts).",
                 "축 {v!r}는 랭크 {rank}인 입력에 없습니다 (배치 축 포함)."),
    "err.axis_batch": ("axis 0 is the batch axis; normalise over a feature axis.",
                       "축 0은 배치 축입니다. 특성 축을 정규화하세요."),
    "err.synchronized": ("synchronized=True needs the TensorFlow backend.", "synchronized=True는 TensorFlow 백엔드가 필요합니다."),
    "err.in_channels": ("in_channels={v}, but the input has {c} channels.", "in_channels={v}인데 입력 채널은 {c}개입니다."),
    "err.in_features": ("in_features={v}, but the last axis of the input {shape} has {c} values.",
                        "in_features={v}인데 입력 {shape}의 마지막 축에는 값이 {c}개입니다."),
    "err.upsample_one": ("give exactly one of size or scale_factor.", "size와 scale_factor 중 정확히 하나만 주세요."),
    "err.align_corners": ("align_corners only goes with mode='bilinear' or 'bicubic'.",
                          "align_corners는 mode='bilinear' 또는 'bicubic'에서만 씁니다."),
    "err.dim": ("{kw}={v!r} is outside an input of rank {rank} (the batch axis counts).",
                "{kw}={v!r}는 랭크 {rank}인 입력의 범위를 벗어납니다 (배치 축 포함)."),
    "err.flatten_batch": ("the batch axis (dim 0) cannot be flattened or split here.",
                          "배치 축(dim 0)은 여기서 펼치거나 나눌 수 없습니다."),
    "err.flatten_order": ("start_dim ({s}) comes after end_dim ({e}).", "start_dim({s})이 end_dim({e})보다 뒤에 있습니다."),
    "err.input_shape": ("the input shape must be 1 to 4 whole numbers from 1 to 1048576, like 28,28,1; got {v!r}.",
                        "입력 모양은 1~1048576 사이 정수 1~4개여야 합니다 (예: 28,28,1). 받은 값: {v!r}"),
    "err.other_dialect": ("'{name}' is spelled '{right}' in the {dialect} dialect.",
                          "{dialect} 방언에서는 '{name}'를 '{right}'로 씁니다."),
    "err.other_dialect_name": ("'{name}' is a {other} layer; this stack is in the {dialect} dialect.",
                               "'{name}'는 {other} 층인데 이 스택은 {dialect} 방언입니다."),
    "err.unknown_layer": ("unknown layer '{name}' in the {dialect} dialect.", "{dialect} 방언에 '{name}' 층은 없습니다."),
    "err.known_layers": (" Known: {names}.", " 아는 층: {names}."),
    "err.stack_list": ("a stack must be a list of layers.", "스택은 층의 목록이어야 합니다."),
    "err.too_many_layers": ("a stack may have at most {n} layers.", "스택에는 층을 최대 {n}개까지 둘 수 있습니다."),
    "err.layer_dict": ("layer {i} must be a dict with a 'type'.", "{i}번 층은 'type'이 있는 dict여야 합니다."),
    "err.too_big": ("the output {shape} is too large.", "출력 {shape}가 너무 큽니다."),

    # ---- warnings: Keras builds it, but it cannot run -------------------------------------------
    "warn.zero": ("A size reached 0: Keras still builds this layer, but no image can pass through it. "
                  "Check the padding, strides and kernel sizes above.",
                  "크기가 0이 되었습니다: Keras는 이 층을 만들지만 이미지가 통과할 수 없습니다. "
                  "위쪽 층의 padding, strides, 커널 크기를 확인하세요."),
    "warn.interpolation": ("Keras builds this, but resizing fails once images flow: interpolation {v!r} is "
                           "not one of {options}.",
                           "Keras는 이 층을 만들지만 이미지가 들어오면 실패합니다: interpolation {v!r}는 "
                           "{options} 중 하나가 아닙니다."),

    # ---- the PyTorch view: comments in generated code, and stacks that cannot be built ----------
    "code.header": ("# PyTorch code for this {dialect} stack on input {shape}; torch tensors are (B, C, H, W).",
                    "# 이 {dialect} 스택(입력 {shape})의 PyTorch 코드; torch 텐서는 (B, C, H, W)입니다."),
    "lower.same_pad": ("Keras 'same': top {t}, bottom {b}, left {l}, right {r}",
                       "Keras 'same': 위 {t}, 아래 {b}, 왼쪽 {l}, 오른쪽 {r}"),
    "lower.tconv_crop": ("match Keras: crop top {t}, bottom {b}, left {l}, right {r} (negative padding crops)",
                         "Keras와 맞추기: 위 {t}, 아래 {b}, 왼쪽 {l}, 오른쪽 {r} 잘라냄 (음수 패딩 = 자르기)"),
    "lower.same_pool": ("Keras 'same': the last window may run past the edge; padding is never counted",
                        "Keras 'same': 마지막 창이 가장자리를 넘을 수 있고 패딩은 세지 않음"),
    "lower.pool_crop": ("drop the first row/column: Keras puts the odd padding pixel after",
                        "첫 행/열을 버림: Keras는 홀수 패딩 픽셀을 뒤에 둠"),
    "lower.crop": ("Cropping2D: negative padding crops", "Cropping2D: 음수 패딩 = 자르기"),
    "lower.hwc": ("Keras order (B, H, W, C) before flattening", "펼치기 전에 Keras 순서 (B, H, W, C)로"),
    "lower.chw": ("back to torch's (B, C, H, W)", "torch의 (B, C, H, W)로 되돌림"),
    "lower.dense_1x1": ("Dense on every pixel = a 1×1 convolution", "픽셀마다 Dense = 1×1 합성곱"),
    "lower.bn_momentum": ("Keras momentum {m} = torch momentum 1 − {m}", "Keras momentum {m} = torch momentum 1 − {m}"),
    "lower.bicubic": ("bicubic: close to Keras, not bit-exact (another cubic kernel)",
                      "bicubic: Keras와 비슷하지만 완전히 같지는 않음 (다른 3차 커널)"),
    "lower.train_only": ("active only while training, as in Keras", "Keras처럼 학습 중에만 작동"),
    "lower.interpolation": ("UpSampling2D(interpolation={mode!r}) has no PyTorch equivalent here; use 'nearest' "
                            "or 'bilinear'.",
                            "UpSampling2D(interpolation={mode!r})는 여기서 PyTorch로 만들 수 없습니다. 'nearest'나 "
                            "'bilinear'를 쓰세요."),
    "lower.activity_reg": ("its penalty is not added when training here: use the Train page's sparsity setting",
                           "여기서 학습할 때는 이 벌점을 더하지 않습니다: 학습 페이지의 희소성 설정을 쓰세요"),
    "lower.normalization": ("Normalization learns a mean and a variance from the data with adapt(), which the "
                            "app does not run; the app's images are already scaled to 0–1, so remove it, or give "
                            "it one number each: mean=..., variance=...",
                            "Normalization은 adapt()로 데이터에서 평균과 분산을 배우는데, 앱은 adapt()를 실행하지 "
                            "않습니다. 앱의 이미지는 이미 0–1로 맞춰져 있으니 지우거나, mean=..., variance=...에 숫자를 "
                            "하나씩 주세요."),
    "lower.batch_norm": ("this BatchNormalization (axis, center/scale or renorm) cannot be built here; keep "
                         "the defaults on an image map or a vector.",
                         "이 BatchNormalization(axis, center/scale, renorm)은 여기서 만들 수 없습니다. 이미지 맵이나 "
                         "벡터에 기본값으로 쓰세요."),
    "lower.relu": ("this ReLU(max_value, negative_slope, threshold) combination has no torch layer here.",
                   "이 ReLU(max_value, negative_slope, threshold) 조합은 여기서 torch 층으로 만들 수 없습니다."),
    "lower.unsupported": ("{name} cannot be built in torch here.", "{name}는 여기서 torch로 만들 수 없습니다."),
    "lower.return_indices": ("return_indices=True returns a pair, which nn.Sequential cannot pass on.",
                             "return_indices=True는 두 값을 돌려주므로 nn.Sequential에서 쓸 수 없습니다."),
    "lower.channels_first": ("data_format='channels_first' is shown in the table but not built: the app's "
                             "images are channels_last.",
                             "data_format='channels_first'는 표에는 보이지만 만들지는 않습니다: 앱의 이미지는 "
                             "channels_last입니다."),
    "lower.zero": ("a size is 0 here, so nothing can flow through or train.",
                   "여기서 크기가 0이라 아무것도 통과하거나 학습할 수 없습니다."),
    "lower.activation": ("activation {name!r} has no torch equivalent here. These do: {names}.",
                         "활성화 함수 {name!r}는 여기서 torch로 만들 수 없습니다. 가능한 것: {names}."),

    # ---- the code reader ---------------------------------------------------------------------------
    "parse.line": ("line {line}: ", "{line}번째 줄: "),
    "parse.expression": ("line {line}: this value is not something the reader can work out without running "
                         "code; write it as a number.",
                         "{line}번째 줄: 코드를 실행하지 않고는 이 값을 알 수 없습니다. 숫자로 적어 주세요."),
    "parse.unknown_layer": ("line {line}: {name} is not a layer this app knows.",
                            "{line}번째 줄: {name}는 이 앱이 아는 층이 아닙니다."),
    "parse.mixed": ("line {line}: {name} belongs to the other dialect; keep one model in Keras or in PyTorch.",
                    "{line}번째 줄: {name}는 다른 방언의 층입니다. 한 모델은 Keras나 PyTorch 하나로만 쓰세요."),
    "parse.not_layer": ("line {line}: a Sequential may only hold layer calls.",
                        "{line}번째 줄: Sequential에는 층 호출만 넣을 수 있습니다."),
    "parse.too_deep": ("line {line}: the classes build each other too deeply.",
                       "{line}번째 줄: 클래스가 너무 깊이 서로를 만듭니다."),
    "parse.reshape": ("line {line}: only reshapes like x.reshape(x.shape[0], -1, 4, 4) or x.view(-1, 784) can "
                      "be read.",
                      "{line}번째 줄: x.reshape(x.shape[0], -1, 4, 4)나 x.view(-1, 784) 같은 모양 바꾸기만 읽을 수 "
                      "있습니다."),
    "parse.note_flatten": ("line {line}: the flattening there became a Flatten layer.",
                           "{line}번째 줄: 그곳의 펼치기를 Flatten 층으로 바꿨습니다."),
    "parse.note_unflatten": ("line {line}: the reshape there became Unflatten(1, {dims}).",
                             "{line}번째 줄: 그곳의 reshape를 Unflatten(1, {dims})로 바꿨습니다."),
    "parse.no_model": ("no model found: paste a Keras Sequential (with .add or a list), an nn.Sequential, or "
                       "a model class.",
                       "모델을 찾지 못했습니다: Keras Sequential(.add 또는 목록), nn.Sequential, 모델 클래스를 붙여 넣으세요."),
    "parse.no_layers": ("the model has no layers yet.", "모델에 아직 층이 없습니다."),
    "parse.empty": ("paste some model code first.", "먼저 모델 코드를 붙여 넣으세요."),
    "parse.too_long": ("the code is longer than {n} characters; paste only the model.",
                       "코드가 {n}자보다 깁니다. 모델 부분만 붙여 넣으세요."),
    "parse.syntax": ("line {line}: Python cannot read this ({msg}).", "{line}번째 줄: 파이썬 문법 오류입니다 ({msg})."),
    "parse.unknown_name": ("line {line}: the code uses '{name}' but never gives it a value; set it below.",
                           "{line}번째 줄: '{name}'의 값이 코드에 없습니다. 아래에서 정해 주세요."),
    "parse.too_much_work": ("line {line}: reading this takes more work than a model definition should; paste only "
                            "the model.",
                            "{line}번째 줄: 모델 정의라기엔 읽는 데 일이 너무 많습니다. 모델 부분만 붙여 넣으세요."),
    "parse.too_large": ("line {line}: this value is too large for a model definition (a number past 2^53, or a "
                        "list or text of more than 10,000 items); nothing was made of it.",
                        "{line}번째 줄: 모델 정의에 쓰기엔 너무 큰 값입니다 (2^53을 넘는 수, 또는 항목이 10,000개를 넘는 "
                        "목록이나 글자). 만들지 않았습니다."),
    "parse.too_deep_expression": ("line {line}: this expression is nested too deeply to read; write the value out.",
                                  "{line}번째 줄: 식이 너무 깊게 중첩되어 읽을 수 없습니다. 값을 직접 적어 주세요."),
    "parse.too_big": ("the code is too large to read ({n} pieces of syntax at most); paste only the model.",
                      "코드가 너무 커서 읽을 수 없습니다 (구문 조각 {n}개까지). 모델 부분만 붙여 넣으세요."),
    "parse.too_many_layers": ("line {line}: the code makes more than {n} layers; a table that long is not a model "
                              "to learn from.",
                              "{line}번째 줄: 코드가 층을 {n}개 넘게 만듭니다. 배우기 위한 모델로는 너무 깁니다."),
    "parse.tensor_math": ("line {line}: the model adds, multiplies or mixes tensors here (a skip connection, a "
                          "VAE's sampling, ...). The table is for a chain of layers, so it stops: it would not be "
                          "the model this code builds.",
                          "{line}번째 줄: 여기서 모델이 텐서를 더하거나 곱하거나 섞습니다 (스킵 연결, VAE의 샘플링 "
                          "등). 표는 층이 한 줄로 이어지는 모델만 보여 주므로 여기서 멈춥니다: 이 코드가 만드는 "
                          "모델이 아니게 되기 때문입니다."),
    "parse.tensor_index": ("line {line}: the model takes part of a tensor here (x[...]); the table cannot show that.",
                           "{line}번째 줄: 여기서 모델이 텐서의 일부를 잘라 씁니다 (x[...]). 표로는 보여 줄 수 "
                           "없습니다."),
    "parse.tensor_op": ("line {line}: x.{name}(...) changes the tensor in a way the table cannot show.",
                        "{line}번째 줄: x.{name}(...)는 표로 보여 줄 수 없는 방식으로 텐서를 바꿉니다."),
    "parse.tensor_call": ("line {line}: {name}(...) computes with the tensor here; that is not a layer the table can "
                          "show, so the reader stops rather than show a different model.",
                          "{line}번째 줄: 여기서 {name}(...)가 텐서로 계산합니다. 표가 보여 줄 수 있는 층이 아니므로, "
                          "다른 모델을 보이는 대신 여기서 멈춥니다."),
    "parse.inner_input": ("line {line}: the model used here declares its own input, {expected}, but what reaches it "
                          "is {got}; Keras refuses that call, so there is no table to show. Make the two agree.",
                          "{line}번째 줄: 여기서 쓰는 모델은 입력을 {expected}로 정해 두었는데, 들어오는 것은 {got}입니다. "
                          "Keras가 이 호출을 거부하므로 보여 줄 표가 없습니다. 둘을 맞춰 주세요."),
    "parse.merge": ("line {line}: {name} joins several tensors. The table is for a chain of layers (one input, "
                    "one output), so this model cannot be shown as one.",
                    "{line}번째 줄: {name}는 여러 텐서를 합칩니다. 표는 층이 한 줄로 이어지는 모델(입력 하나, 출력 "
                    "하나)만 보여 주므로, 이 모델은 표로 나타낼 수 없습니다."),
    "parse.lambda": ("line {line}: a Lambda layer runs code of its own; the reader does not run code, so it cannot "
                     "know what comes out. Write it with the app's layers.",
                     "{line}번째 줄: Lambda 층은 자기만의 코드를 실행합니다. 읽기 도구는 코드를 실행하지 않으므로 "
                     "무엇이 나올지 알 수 없습니다. 앱이 아는 층으로 써 주세요."),
    "parse.custom_layer": ("line {line}: {name} is a layer class of the code's own; the reader cannot know its "
                           "output shape without running it.",
                           "{line}번째 줄: {name}는 코드가 직접 만든 층 클래스입니다. 실행하지 않고는 출력 모양을 알 "
                           "수 없습니다."),
    "parse.one_d": ("line {line}: {name} works on sequences or volumes; this app reads 2-D image models (Conv2D, "
                    "Dense, ...), so this model is not one it can show.",
                    "{line}번째 줄: {name}는 시퀀스나 3차원 데이터를 다룹니다. 이 앱은 2차원 이미지 모델(Conv2D, "
                    "Dense 등)만 읽으므로 이 모델은 보여 줄 수 없습니다."),
    "parse.note_shape_read": ("line {line}: the code reads a shape back from the model; the reader worked it out "
                              "from the layers before it: {shape}.",
                              "{line}번째 줄: 코드가 모델에서 모양을 다시 읽어 옵니다. 읽기 도구가 앞의 층들로 계산했습니다: "
                              "{shape}."),
    "parse.shape_read": ("line {line}: the code reads a shape back (x.shape, x.size(1), K.int_shape ...) where "
                         "the reader does not know it: the input's shape is not given at this point (a PyTorch "
                         "forward, a Keras model without an Input). Write the number out (e.g. Reshape((7, 7, 64))).",
                         "{line}번째 줄: 코드가 모양을 다시 읽어 오는데 (x.shape, x.size(1), K.int_shape 등) 여기서는 "
                         "입력 모양이 주어지지 않아 (PyTorch의 forward, Input이 없는 Keras 모델) 읽기 도구가 알 수 "
                         "없습니다. 숫자로 적어 주세요 (예: Reshape((7, 7, 64)))."),
    "parse.unknown_call": ("line {line}: {name}(...) is not defined in the pasted code, and the reader does not "
                           "know what it makes; paste its definition too, or write the layers out.",
                           "{line}번째 줄: {name}(...)는 붙여 넣은 코드에 정의되어 있지 않고, 무엇을 만드는지 읽기 "
                           "도구가 모릅니다. 그 정의도 함께 붙여 넣거나 층을 직접 적어 주세요."),
    "parse.unknown_attribute": ("line {line}: the model has no '{name}' set before it is used.",
                                "{line}번째 줄: 쓰기 전에 정한 '{name}'이(가) 모델에 없습니다."),
    "parse.input_shape": ("line {line}: the input's shape must be numbers, like shape=(28, 28, 1).",
                          "{line}번째 줄: 입력 모양은 shape=(28, 28, 1)처럼 숫자여야 합니다."),
    "parse.input_late": ("line {line}: an Input can only come first in a Sequential.",
                         "{line}번째 줄: Input은 Sequential의 맨 앞에만 올 수 있습니다."),
    "parse.shared_layer": ("line {line}: this layer is used twice, sharing its weights; a table of rows would "
                           "count them twice, so it cannot show this model exactly.",
                           "{line}번째 줄: 이 층을 두 번 써서 가중치를 공유합니다. 줄마다 세는 표로는 두 번 세게 되므로 "
                           "이 모델을 정확히 보여 줄 수 없습니다."),
    "parse.modulelist_call": ("line {line}: a ModuleList cannot be called; loop over it in forward().",
                              "{line}번째 줄: ModuleList는 호출할 수 없습니다. forward()에서 반복문으로 쓰세요."),
    "parse.no_forward": ("line {line}: {name} has no forward() or call(), so the order its layers run in is "
                         "written nowhere; the reader shows no model rather than guess one.",
                         "{line}번째 줄: {name}에는 forward()나 call()이 없어 층이 어떤 순서로 실행되는지 어디에도 "
                         "적혀 있지 않습니다. 추측한 모델 대신 아무것도 보이지 않습니다."),
    "parse.many_inputs": ("line {line}: {name}'s forward() takes more than one input; the table is for a model "
                          "with one input and one output, so it cannot show this one.",
                          "{line}번째 줄: {name}의 forward()는 입력을 둘 이상 받습니다. 표는 입력 하나, 출력 하나인 "
                          "모델만 보여 줄 수 있습니다."),
    "parse.no_output": ("line {line}: forward() returns no tensor the reader can follow.",
                        "{line}번째 줄: forward()가 읽기 도구가 따라갈 수 있는 텐서를 돌려주지 않습니다."),
    "parse.keras1_model": ("line {line}: Model(input=..., output=...) is Keras 1's spelling; Keras 3 (and this "
                           "app) take Model(inputs=..., outputs=...).",
                           "{line}번째 줄: Model(input=..., output=...)은 Keras 1의 표기입니다. Keras 3(과 이 "
                           "앱)은 Model(inputs=..., outputs=...)을 씁니다."),
    "parse.model_io": ("line {line}: this Model's output does not come from its input through a chain of layers "
                       "the reader followed.",
                       "{line}번째 줄: 이 Model의 출력이, 읽기 도구가 따라간 층들을 거쳐 입력에서 나오지 않습니다."),
    "parse.undecided_if": ("line {line}: which way this if goes depends on something only running the code "
                           "would tell; set the values it tests, or paste one branch.",
                           "{line}번째 줄: 이 if가 어느 쪽으로 갈지는 코드를 실행해야 알 수 있습니다. 검사하는 값을 "
                           "정하거나 한쪽 갈래만 붙여 넣으세요."),
    "parse.statement": ("line {line}: the reader cannot follow this statement inside the model's code.",
                        "{line}번째 줄: 모델 코드 안의 이 문장은 읽기 도구가 따라갈 수 없습니다."),
    "parse.trainable": ("line {line}: layers are frozen after building (trainable = ...); the table would count "
                        "their weights as trainable, so set trainable=False on the layer itself instead.",
                        "{line}번째 줄: 만든 뒤에 층을 얼립니다 (trainable = ...). 표가 그 가중치를 학습 가능으로 "
                        "세게 되므로, 층을 만들 때 trainable=False로 정하세요."),
    "parse.layers_list": ("line {line}: the code takes layers back out of a model (model.layers, ...); the reader "
                          "does not follow that.",
                          "{line}번째 줄: 코드가 모델에서 층을 다시 꺼냅니다 (model.layers 등). 읽기 도구는 이것을 "
                          "따라가지 않습니다."),
    "parse.note_ignored_kw": ("line {line}: {kw}= is ignored: it changes the starting weights or the training, "
                              "never a shape or a count.",
                              "{line}번째 줄: {kw}=는 무시했습니다: 처음 가중치나 학습을 바꿀 뿐, 모양이나 개수는 "
                              "바꾸지 않습니다."),
    "parse.note_activation_layer": ("line {line}: an activation given as a layer (e.g. LeakyReLU(...)) was read by "
                                    "its name; its shape and counts are the same.",
                                    "{line}번째 줄: 층으로 준 활성화(예: LeakyReLU(...))를 이름으로 읽었습니다. "
                                    "모양과 개수는 같습니다."),
    "parse.note_late_input_shape": ("line {line}: input_shape= on a layer that is not the first is ignored, as "
                                    "Keras ignores it: the model's input is the first layer's.",
                                    "{line}번째 줄: 첫 층이 아닌 층의 input_shape=는 Keras처럼 무시했습니다: 모델의 "
                                    "입력은 첫 층의 것입니다."),
    "parse.note_returns": ("line {line}: forward() returns {n} tensors; the table follows the one with the most "
                           "layers (the reconstruction).",
                           "{line}번째 줄: forward()가 텐서 {n}개를 돌려줍니다. 표는 층이 가장 많은 것(복원)을 "
                           "따라갑니다."),
    "parse.note_uncalled": ("line {line}: '{name}' is defined but never called in the paste; the reader built it "
                            "with its default values.",
                            "{line}번째 줄: '{name}'는 정의만 되고 호출되지 않습니다. 읽기 도구가 기본값으로 만들었습니다."),
    "parse.note_unused": ("line {line}: forward() never uses {names}. PyTorch still counts what __init__ made "
                          "there in model.parameters(), but no data goes through it, so the table leaves it out.",
                          "{line}번째 줄: forward()가 {names}를 쓰지 않습니다. PyTorch는 __init__에서 만든 그 층의 "
                          "가중치를 model.parameters()에 세지만, 데이터가 지나가지 않으므로 표에는 없습니다."),
    "parse.note_fixed_batch": ("line {line}: the reshape writes the batch size out as {n}, so the real model only "
                               "runs on batches of exactly {n}; the table shows one image.",
                               "{line}번째 줄: reshape가 배치 크기를 {n}으로 적어 두어, 실제 모델은 정확히 {n}개짜리 "
                               "배치에서만 돌아갑니다. 표는 이미지 한 장 기준입니다."),
    "parse.note_data_format": ("line {line}: image_data_format() was read as 'channels_last', Keras's setting "
                               "unless you change it.",
                               "{line}번째 줄: image_data_format()은 Keras의 기본 설정인 'channels_last'로 읽었습니다."),
    "parse.note_numpy_int": ("line {line}: Dense gets its units from np.prod(...) or .numpy(), a NumPy integer, "
                             "which Keras 3 refuses; in your code write int(...) around it. Typed into the Builder "
                             "it is a plain number.",
                             "{line}번째 줄: Dense의 units가 np.prod(...)나 .numpy()에서 온 NumPy 정수인데, Keras 3은 "
                             "이를 거부합니다. 코드에서는 int(...)로 감싸 주세요. 빌더에 적힌 값은 보통의 숫자입니다."),
    "parse.note_chosen": ("line {line}: the code builds several models; this is '{name}', the one with the most "
                          "layers (also built: {others}).",
                          "{line}번째 줄: 코드가 모델을 여러 개 만듭니다. 이것은 층이 가장 많은 '{name}'입니다 (함께 "
                          "만든 것: {others})."),
    "parse.internal": ("the reader stopped on something it does not handle ({what}); nothing was shown rather than "
                       "a wrong table.",
                       "읽기 도구가 다루지 못하는 것에서 멈췄습니다 ({what}). 틀린 표를 보이는 대신 아무것도 보이지 "
                       "않았습니다."),
}
