"""Text of the five guided lessons and of the teacher's class view. key -> (en, ko).

Each lesson step has a title, a body, and where it asks, a question, its options and an explanation per
possible truth. Numbers in an explanation are filled in from what the page computed ({truth}, {a}, ...),
so the sentence beside the picture is true of it."""

TEXT = {
    "nav.lessons": ("Lessons", "수업"),
    "home.start_lessons": ("New here? Start with the guided lessons: lesson 1, shapes in and out",
                           "처음이라면 안내 수업부터: 1강, 모양이 들어가고 나오기"),
    "nav.teacher": ("Teacher", "교사"),
    "nav.class": ("Class view", "교실 보기"),
    "course.nav.shapes": ("1 · Shapes in and out", "1 · 모양이 들어가고 나오기"),
    "course.nav.conv": ("2 · Colour, noise, look-alikes", "2 · 색, 잡음, 닮은 이미지"),
    "course.nav.code3d": ("3 · A code of three numbers", "3 · 숫자 세 개짜리 코드"),
    "course.nav.pca": ("4 · Linear AE and PCA", "4 · 선형 AE와 PCA"),
    "course.nav.stacked": ("5 · Stacked and tied", "5 · 쌓고 묶기"),

    # ---- the frame every lesson shares ----------------------------------------------------------------
    "course.steps": ("Steps", "단계"),
    "course.step_of": ("Step {i} of {n}", "{n}단계 중 {i}단계"),
    "course.prev": ("Previous", "이전"),
    "course.next": ("Next", "다음"),
    "course.finish": ("You reached the end of this lesson: {done} of {n} questions answered, {right} right.",
                      "이 수업의 끝입니다. 질문 {n}개 중 {done}개에 답했고 {right}개를 맞혔습니다."),
    "course.next_lesson": ("Next lesson: {name}", "다음 수업: {name}"),
    "course.progress": ("{done} of {n} questions answered · {right} right",
                        "질문 {n}개 중 {done}개 답함 · {right}개 맞힘"),
    "course.mark_right": ("right", "맞음"),
    "course.mark_wrong": ("not quite", "아쉬움"),
    "course.mark_open": ("to answer", "답할 차례"),
    "course.mark_waiting": ("answered, result not ready", "답함, 결과 준비 중"),
    "course.predict": ("Predict first", "먼저 예측해 보세요"),
    "course.predict_help": ("Commit to an answer; the page shows the result only after that.",
                            "답을 정해야 결과가 보입니다."),
    "course.type_shape": ("Your shape (numbers with commas, like 28, 28, 1)",
                          "예상한 모양 (쉼표로 구분한 숫자, 예: 28, 28, 1)"),
    "course.commit": ("Check my answer", "내 답 확인"),
    "course.again": ("Answer again", "다시 답하기"),
    "course.pick_one": ("Pick one answer first.", "먼저 답을 하나 고르세요."),
    "course.your_answer": ("Your answer: **{answer}**", "내 답: **{answer}**"),
    "course.right": ("Right: {truth}.", "맞았습니다: {truth}."),
    "course.wrong": ("Not quite: the answer is {truth}.", "아쉽네요. 답은 {truth}입니다."),
    "course.result": ("The result", "결과"),
    "course.open_tool": ("Open this in the tool", "도구에서 열기"),
    "course.open_tool_help": ("The same model and data, with every control of the full page.",
                              "같은 모델과 데이터를, 모든 조절 장치가 있는 전체 페이지에서 엽니다."),
    "course.dataset_note": ("Images for this lesson: {name}", "이 수업의 이미지: {name}"),
    "tool.builder": ("Layer Builder", "레이어 빌더"),
    "tool.train": ("Train", "학습"),
    "tool.denoise": ("Denoise", "잡음 제거"),
    "tool.similar": ("Similar images", "닮은 이미지"),
    "tool.latent": ("Latent space", "잠재 공간"),
    "tool.pca": ("Linear AE = PCA", "선형 AE = PCA"),
    "tool.stacked": ("Stacked & tied", "적층과 묶은 가중치"),
    "hide.steps": ("the step list", "단계 목록"),
    "hide.tool": ("'open in the tool'", "'도구에서 열기'"),

    # ---- lesson 1: shapes (lesson 000) ------------------------------------------------------------------
    "course.shapes.title": ("🧩 Lesson 1 · Shapes in and out", "🧩 1강 · 모양이 들어가고 나오기"),
    "course.shapes.intro": (
        "An autoencoder learns to give back its own input. It is only useful because the middle is narrow: "
        "the image must pass through a small code. Here you follow a 28×28 digit through a Keras conv "
        "autoencoder, layer by layer, and predict every shape before the table shows it.",
        "오토인코더는 입력을 그대로 되돌려 주도록 배웁니다. 쓸모가 있는 이유는 가운데가 좁기 때문입니다. "
        "이미지가 작은 코드를 지나가야 하니까요. 이 수업에서는 28×28 숫자 이미지가 Keras 합성곱 "
        "오토인코더를 한 층씩 지나가는 과정을 따라가며, 표가 보여 주기 전에 모양을 먼저 맞혀 봅니다."),
    "course.shapes.idea.title": ("Narrow in the middle", "가운데가 좁은 모양"),
    "course.shapes.idea.body": (
        "The **encoder** (left half) shrinks the image: convolutions find features, pooling halves the "
        "size. The **decoder** (right half) grows it back with upsampling. Training asks for output = "
        "input, so whatever reaches the output must have squeezed through the narrowest point, the "
        "**code**. The picture is the model's size at each layer: {chain}.",
        "**인코더**(왼쪽 절반)는 이미지를 줄입니다. 합성곱이 특징을 찾고 풀링이 크기를 절반으로 "
        "줄입니다. **디코더**(오른쪽 절반)는 업샘플링으로 다시 키웁니다. 학습은 출력이 입력과 같기를 "
        "요구하므로, 출력에 닿는 정보는 모두 가장 좁은 곳인 **코드**를 지나와야 합니다. 그림은 층마다의 "
        "크기입니다: {chain}."),
    "course.shapes.conv.title": ("A convolution with padding='same'", "padding='same'인 합성곱"),
    "course.shapes.conv.body": (
        "Layer 0 is `Conv2D(16, 3, padding='same')` on a 28×28×1 image: sixteen 3×3 filters, and 'same' "
        "pads the border so the filter can sit on every pixel.",
        "0번 층은 28×28×1 이미지에 놓인 `Conv2D(16, 3, padding='same')`입니다. 3×3 필터가 16개이고, "
        "'same'은 가장자리에 여백을 덧대어 필터가 모든 픽셀 위에 놓일 수 있게 합니다."),
    "course.shapes.conv.ask": ("What shape comes out of layer 0?", "0번 층에서 나오는 모양은?"),
    "course.shapes.conv.why": (
        "'same' keeps height and width ({h}×{w}); the number of channels becomes the number of filters, "
        "{c}. A filter's size never changes the channel count: 16 filters, 16 channels.",
        "'same'은 높이와 너비를 그대로 둡니다({h}×{w}). 채널 수는 필터 수인 {c}가 됩니다. 필터 크기는 "
        "채널 수를 바꾸지 않습니다. 필터 16개면 채널도 16개입니다."),
    "course.shapes.pool.title": ("Pooling halves the size", "풀링은 크기를 절반으로"),
    "course.shapes.pool.body": (
        "Layer 1 is `MaxPooling2D(2, padding='same')`: each 2×2 block becomes its largest value.",
        "1번 층은 `MaxPooling2D(2, padding='same')`입니다. 2×2 칸마다 가장 큰 값 하나만 남깁니다."),
    "course.shapes.pool.ask": ("What shape comes out of layer 1?", "1번 층에서 나오는 모양은?"),
    "course.shapes.pool.why": (
        "Each side is halved ({h}×{w}) and the channels pass through untouched ({c}): pooling works on "
        "each channel alone.",
        "각 변이 절반이 되고({h}×{w}) 채널은 그대로 지나갑니다({c}). 풀링은 채널마다 따로 작동합니다."),
    "course.shapes.odd.title": ("Halving an odd number", "홀수를 절반으로"),
    "course.shapes.odd.body": (
        "Two poolings brought 28 down to 7. Layer {row} is a `Conv2D` with `strides=2` and "
        "`padding='same'` on that 7×7 map: a stride of 2 also halves, but 7 does not halve evenly.",
        "풀링 두 번으로 28이 7이 되었습니다. {row}번 층은 7×7 맵 위의 `strides=2`, `padding='same'`인 "
        "`Conv2D`입니다. 보폭 2도 크기를 절반으로 줄이지만, 7은 딱 나누어떨어지지 않습니다."),
    "course.shapes.odd.ask": ("What shape comes out of layer {row}?", "{row}번 층에서 나오는 모양은?"),
    "course.shapes.odd.why": (
        "With 'same' the output side is the input side divided by the stride, **rounded up**: 7 / 2 = 3.5 "
        "→ {h}. The extra row and column come from the padding. This is the step that breaks the "
        "symmetry: the decoder doubles 4 → 8 → 16 → 32, never back to 28 on its own.",
        "'same'에서는 출력 변이 입력 변을 보폭으로 나눈 값을 **올림**한 것입니다. 7 / 2 = 3.5 → {h}. "
        "늘어난 한 줄은 여백에서 옵니다. 여기서 대칭이 깨집니다. 디코더는 4 → 8 → 16 → 32로 두 배씩 "
        "커질 뿐, 혼자서는 28로 돌아오지 못합니다."),
    "course.shapes.trim.title": ("Where the decoder loses two pixels", "디코더가 두 픽셀을 잃는 곳"),
    "course.shapes.trim.body": (
        "The decoder upsamples 4 → 8 → 16. Layer {row} is a `Conv2D(16, 3)` with **no** padding "
        "argument, so Keras uses `padding='valid'`: the filter only sits where it fits completely.",
        "디코더는 4 → 8 → 16으로 업샘플링합니다. {row}번 층은 padding 인자가 **없는** `Conv2D(16, 3)`이라 "
        "Keras는 `padding='valid'`를 씁니다. 필터가 완전히 들어가는 자리에만 놓입니다."),
    "course.shapes.trim.ask": ("What shape comes out of layer {row}?", "{row}번 층에서 나오는 모양은?"),
    "course.shapes.trim.why": (
        "A 3×3 filter fits in 16 − 3 + 1 = {h} places along each side, so 16 becomes {h}. One more "
        "upsampling makes 28: the lesson's author used 'valid' here on purpose, to land on 28 again.",
        "3×3 필터는 한 변에 16 − 3 + 1 = {h}곳에 들어가므로 16이 {h}가 됩니다. 업샘플링을 한 번 더 하면 "
        "28입니다. 수업의 모델은 다시 28에 닿으려고 일부러 여기에 'valid'를 썼습니다."),
    "course.shapes.fix.title": ("What if every layer said 'same'?", "모든 층이 'same'이라면?"),
    "course.shapes.fix.body": (
        "A common 'clean-up' is to write `padding='same'` everywhere. Suppose layer {row} gets it too; "
        "nothing else changes.",
        "흔히 '정리'한다며 모든 층에 `padding='same'`을 씁니다. {row}번 층에도 그렇게 했다고 해 봅시다. "
        "다른 것은 그대로입니다."),
    "course.shapes.fix.ask": ("What shape does the model output then?", "그러면 모델의 출력 모양은?"),
    "course.shapes.fix.why": (
        "16 stays 16, one more upsampling gives 32: the output is {truth} while the input is 28×28×1. The "
        "model can no longer be compared with its input, so it cannot be trained as an autoencoder. The "
        "table below is that model; its last row shows the mismatch.",
        "16이 그대로 16이고 업샘플링 한 번으로 32가 됩니다. 입력은 28×28×1인데 출력은 {truth}입니다. "
        "출력을 입력과 비교할 수 없으니 오토인코더로 학습할 수 없습니다. 아래 표가 그 모델이며, "
        "마지막 줄에서 어긋남이 보입니다."),
    "course.shapes.train.title": ("Train it and look", "학습시키고 살펴보기"),
    "course.shapes.train.body": (
        "Now the lesson's model (the one that does come back to 28) learns on {data}. Two losses are "
        "measured: on the images it trains on, and on test images it never sees.",
        "이제 수업의 모델(28로 잘 돌아오는 모델)이 {data}로 배웁니다. 손실은 두 가지를 잽니다. 학습에 "
        "쓰는 이미지에서, 그리고 한 번도 보지 않는 테스트 이미지에서."),
    "course.shapes.train.ask": ("After training, which loss will be lower?", "학습이 끝나면 어느 손실이 더 낮을까요?"),
    "course.shapes.train.opt_a": ("on the training images", "학습 이미지의 손실"),
    "course.shapes.train.opt_b": ("on the test images", "테스트 이미지의 손실"),
    "course.shapes.train.opt_same": ("about the same (within 2 %)", "거의 같음 (2 % 이내)"),
    "course.shapes.train.why_a": (
        "Training loss {a:.4g}, test loss {b:.4g}: the model rebuilds the images it learned from a little "
        "better than new ones, the usual gap.",
        "학습 손실 {a:.4g}, 테스트 손실 {b:.4g}. 모델은 배운 이미지를 새 이미지보다 조금 더 잘 복원합니다. "
        "흔히 보는 차이입니다."),
    "course.shapes.train.why_b": (
        "Training loss {a:.4g}, test loss {b:.4g}: here the test images came out easier. The training loss "
        "is averaged over the last epoch while the weights still moved; with a small model and few epochs "
        "the test set can come out lower.",
        "학습 손실 {a:.4g}, 테스트 손실 {b:.4g}. 이번에는 테스트 이미지가 더 쉬웠습니다. 학습 손실은 "
        "가중치가 아직 움직이던 마지막 에포크의 평균입니다. 작은 모델을 짧게 학습하면 테스트 쪽이 더 "
        "낮게 나올 수 있습니다."),
    "course.shapes.train.why_same": (
        "Training loss {a:.4g}, test loss {b:.4g}: within 2 %. A model with {params} weights is too small "
        "to memorise its training images, so new images come out as well as old ones.",
        "학습 손실 {a:.4g}, 테스트 손실 {b:.4g}로 2 % 이내입니다. 가중치가 {params}개뿐인 모델은 학습 "
        "이미지를 외울 수 없어서, 새 이미지도 본 이미지만큼 복원합니다."),
    "course.rebuilt_caption": ("Top: test images. Bottom: what the model gives back.",
                               "위: 테스트 이미지. 아래: 모델이 돌려준 이미지."),
    "course.loss_title": ("Loss per epoch", "에포크별 손실"),
    "course.loss_train": ("training images", "학습 이미지"),
    "course.loss_test": ("test images", "테스트 이미지"),

    # ---- lesson 2: conv, noise, similar images, PathMNIST (lesson 001) ----------------------------------
    "course.conv.title": ("🎨 Lesson 2 · Colour, noise and look-alikes", "🎨 2강 · 색, 잡음, 닮은 이미지"),
    "course.conv.intro": (
        "A bigger conv autoencoder, in PyTorch this time, on colour tissue images: it rebuilds them, learns "
        "to remove noise, and its codes find images that look alike. The same code runs on PathMNIST, the "
        "lesson's medical images.",
        "이번에는 PyTorch로 만든 더 큰 합성곱 오토인코더를 색이 있는 조직 이미지에 씁니다. 이미지를 "
        "복원하고, 잡음을 지우는 법을 배우고, 그 코드로 닮은 이미지를 찾습니다. 같은 코드가 수업의 "
        "의료 영상인 PathMNIST에서도 돌아갑니다."),
    "course.conv.model.title": ("Strided convolutions down, transposed ones up",
                                "보폭 합성곱으로 내려가고, 전치 합성곱으로 올라오기"),
    "course.conv.model.body": (
        "No pooling here: a `Conv2d` with `stride=2` halves the size while it learns, GELU bends the "
        "signal, and at the bottom a `Linear` layer turns the feature map into the **code**. The decoder "
        "mirrors it with `ConvTranspose2d`, which doubles the size. Images: {data}.",
        "여기에는 풀링이 없습니다. `stride=2`인 `Conv2d`가 배우면서 크기를 절반으로 줄이고, GELU가 "
        "신호를 휘게 하며, 맨 아래에서 `Linear` 층이 특징 맵을 **코드**로 바꿉니다. 디코더는 크기를 두 "
        "배로 키우는 `ConvTranspose2d`로 거꾸로 올라갑니다. 이미지: {data}."),
    "course.conv.model.ask": ("What shape is the code (the output of layer {row}, a Linear)?",
                              "코드(Linear인 {row}번 층의 출력)의 모양은?"),
    "course.conv.model.why": (
        "The code is {truth}: a flat vector of {n} numbers for an image of {pixels} numbers, {ratio}× "
        "smaller. (On a GPU the lesson's size is 256; on a CPU this app uses a smaller model.)",
        "코드는 {truth}입니다. 숫자 {pixels}개짜리 이미지가 숫자 {n}개짜리 벡터가 되니 {ratio}배 "
        "작습니다. (GPU에서는 수업의 크기인 256을 쓰고, CPU에서는 이 앱이 더 작은 모델을 씁니다.)"),
    "course.conv.train.title": ("What it gives back", "돌려받은 이미지"),
    "course.conv.train.body": (
        "Trained with the mean squared error, the model rebuilds test images it never saw. Look at what "
        "survives the squeeze (colour, big shapes) and what does not (fine texture).",
        "평균 제곱 오차로 학습한 모델이 처음 보는 테스트 이미지를 복원합니다. 좁은 코드를 지나며 "
        "남는 것(색, 큰 모양)과 사라지는 것(미세한 결)을 살펴보세요."),
    "course.conv.noise.title": ("Denoising: noisy in, clean out", "잡음 제거: 잡음 섞인 입력, 깨끗한 출력"),
    "course.conv.noise.body": (
        "A second copy of the model is trained differently: its inputs get Gaussian noise (σ = {train}) "
        "while the target stays the clean image. Both models now get the same test images with noise "
        "σ = {test}.",
        "같은 모델을 하나 더 다르게 학습시킵니다. 입력에는 가우스 잡음(σ = {train})을 섞고, 정답은 "
        "깨끗한 이미지 그대로 둡니다. 이제 두 모델에 잡음 σ = {test}가 섞인 같은 테스트 이미지를 넣습니다."),
    "course.conv.noise.ask": ("Which model's output is closer to the clean images?",
                              "어느 모델의 출력이 깨끗한 이미지에 더 가까울까요?"),
    "course.conv.noise.opt_plain": ("the plain autoencoder", "일반 오토인코더"),
    "course.conv.noise.opt_dae": ("the denoising autoencoder", "잡음 제거 오토인코더"),
    "course.conv.noise.opt_same": ("about the same (within 2 %)", "거의 같음 (2 % 이내)"),
    "course.conv.noise.why_dae": (
        "Mean squared error against the clean images: plain {a:.4g}, denoising {b:.4g}. The denoising "
        "model learned that noise is not part of the image, so it leaves it out.",
        "깨끗한 이미지와의 평균 제곱 오차: 일반 {a:.4g}, 잡음 제거 {b:.4g}. 잡음 제거 모델은 잡음이 "
        "이미지의 일부가 아니라는 것을 배웠기에 잡음을 빼고 복원합니다."),
    "course.conv.noise.why_plain": (
        "Mean squared error against the clean images: plain {a:.4g}, denoising {b:.4g}. Here the plain "
        "model came out better: its narrow code already drops much of the noise, and the denoising "
        "model had the same short training on harder inputs.",
        "깨끗한 이미지와의 평균 제곱 오차: 일반 {a:.4g}, 잡음 제거 {b:.4g}. 이번에는 일반 모델이 "
        "나았습니다. 좁은 코드가 이미 잡음을 많이 걸러 내고, 잡음 제거 모델은 더 어려운 입력으로 같은 "
        "짧은 학습을 받았기 때문입니다."),
    "course.conv.noise.why_same": (
        "Mean squared error against the clean images: plain {a:.4g}, denoising {b:.4g}, within 2 %. At this "
        "noise level the narrow code removes most of the noise on its own.",
        "깨끗한 이미지와의 평균 제곱 오차: 일반 {a:.4g}, 잡음 제거 {b:.4g}로 2 % 이내입니다. 이 정도 "
        "잡음은 좁은 코드가 스스로 대부분 걸러 냅니다."),
    "course.row_clean": ("Clean", "깨끗한 이미지"),
    "course.row_noisy": ("With noise", "잡음 섞인 입력"),
    "course.row_plain": ("Plain autoencoder", "일반 오토인코더"),
    "course.row_dae": ("Denoising autoencoder", "잡음 제거 오토인코더"),
    "course.conv.similar.title": ("Images that look alike", "닮은 이미지 찾기"),
    "course.conv.similar.body": (
        "Every test image goes through the encoder only; its code is a point in a space of {n} numbers. "
        "For the image below, the page finds the {k} test images whose codes lie nearest (Euclidean "
        "distance). The model was never told the classes.",
        "테스트 이미지마다 인코더만 통과시켜, 그 코드를 숫자 {n}개 공간의 한 점으로 봅니다. 아래 "
        "이미지에 대해 코드가 가장 가까운(유클리드 거리) 테스트 이미지 {k}개를 찾습니다. 모델은 클래스를 "
        "한 번도 들은 적이 없습니다."),
    "course.conv.similar.ask": ("How many of the {k} nearest share this image's class ({cls})?",
                                "가장 가까운 {k}개 중 이 이미지와 같은 클래스({cls})는 몇 개일까요?"),
    "course.conv.similar.opt_few": ("few (up to 30 %)", "적다 (30 % 이하)"),
    "course.conv.similar.opt_half": ("about half (up to 70 %)", "절반쯤 (70 % 이하)"),
    "course.conv.similar.opt_most": ("most (over 70 %)", "대부분 (70 % 넘게)"),
    "course.conv.similar.why": (
        "{same} of {k} share the class. Codes that are near hold images that look alike: colour and "
        "texture first, which often, not always, means the same class. Try another image.",
        "{k}개 중 {same}개가 같은 클래스입니다. 가까운 코드에는 닮은 이미지가 모입니다. 먼저 색과 결이 "
        "닮고, 그것이 같은 클래스인 경우가 많지만 늘 그렇지는 않습니다. 다른 이미지로도 해 보세요."),
    "course.query": ("This image", "기준 이미지"),
    "course.other_image": ("Another image", "다른 이미지"),
    "course.nearest": ("The nearest codes", "가장 가까운 코드"),
    "course.conv.medical.title": ("The same, on medical images", "의료 영상에서도 똑같이"),
    "course.conv.medical.body": (
        "The lesson ends on **PathMNIST**: 107,180 colour tiles of colon tissue, 28×28, in 9 classes. "
        "Nothing in the model changes: three channels in, three out. The images you used here are tiles "
        "of one stained tissue slide, which ship with the app and need no network. PathMNIST must be "
        "downloaded once (206 MB); where the server cannot reach it, the tool says so and offers an "
        "offline set.",
        "수업은 **PathMNIST**로 끝납니다. 대장 조직을 찍은 28×28 컬러 조각 107,180장, 9개 클래스입니다. "
        "모델은 하나도 바뀌지 않습니다. 세 채널이 들어가고 세 채널이 나옵니다. 여기서 쓴 이미지는 "
        "염색한 조직 슬라이드 한 장의 조각으로, 앱에 들어 있어 네트워크가 필요 없습니다. PathMNIST는 한 번 "
        "내려받아야 하며(206 MB), 서버가 닿지 못하면 도구가 그렇게 말하고 오프라인 데이터셋을 권합니다."),
    "course.conv.medical.go": ("Similar images on PathMNIST", "PathMNIST로 닮은 이미지 찾기"),

    # ---- lesson 3: a 3-D code (lesson 002) ---------------------------------------------------------------
    "course.code3d.title": ("🌐 Lesson 3 · A code of three numbers", "🌐 3강 · 숫자 세 개짜리 코드"),
    "course.code3d.intro": (
        "Input x, target x: no labels anywhere. A plain network of Linear layers squeezes each image down "
        "to three numbers, so every image becomes a point you can see in 3-D.",
        "입력도 x, 정답도 x입니다. 레이블은 어디에도 없습니다. Linear 층으로만 된 신경망이 이미지마다 "
        "숫자 세 개로 줄이니, 모든 이미지가 3차원에서 볼 수 있는 점이 됩니다."),
    "course.code3d.model.title": ("784 → 128 → 64 → 12 → 3, and back", "784 → 128 → 64 → 12 → 3, 그리고 거꾸로"),
    "course.code3d.model.body": (
        "The image is flattened into 784 numbers; each Linear layer, followed by ReLU, keeps fewer. The "
        "decoder climbs back to 784 and a Sigmoid keeps every pixel between 0 and 1.",
        "이미지를 숫자 784개로 펼치고, ReLU가 붙은 Linear 층을 지날 때마다 더 적게 남깁니다. 디코더는 "
        "다시 784까지 올라가고, Sigmoid가 모든 픽셀을 0과 1 사이에 둡니다."),
    "course.code3d.model.ask": ("What shape is the code (the output of layer {row})?",
                                "코드({row}번 층의 출력)의 모양은?"),
    "course.code3d.model.why": (
        "{truth}: three numbers per image, with no ReLU after them, so the code can be negative too. "
        "Three is far too few to keep every detail; the point is that it can be drawn.",
        "{truth}: 이미지마다 숫자 세 개이고, 뒤에 ReLU가 없어 음수도 될 수 있습니다. 세 개로는 세부를 "
        "다 담을 수 없습니다. 핵심은 그림으로 그릴 수 있다는 점입니다."),
    "course.code3d.train.title": ("Three numbers are not much", "숫자 세 개는 많지 않습니다"),
    "course.code3d.train.body": (
        "The model learns on {data}. What comes back is a blurred, average-looking version of each image: "
        "the reconstruction loss measures what was lost in the squeeze.",
        "모델이 {data}로 배웁니다. 돌아오는 것은 각 이미지의 흐릿하고 평균적인 모습입니다. 복원 손실은 "
        "좁은 코드를 지나며 잃은 것을 잽니다."),
    "course.code3d.space.title": ("Every image is a point", "이미지 하나가 점 하나"),
    "course.code3d.space.body": (
        "Each dot is one test image's code; its colour is the image's class, which the model never saw. "
        "Drag to turn the cloud.",
        "점 하나가 테스트 이미지 하나의 코드입니다. 색은 그 이미지의 클래스인데, 모델은 이것을 본 적이 "
        "없습니다. 끌어서 구름을 돌려 보세요."),
    "course.code3d.space.ask": ("Did the autoencoder put images of the same class near each other?",
                                "오토인코더가 같은 클래스의 이미지를 서로 가까이 두었을까요?"),
    "course.code3d.space.opt_yes": ("yes, mostly", "대체로 그렇다"),
    "course.code3d.space.opt_no": ("no, classes are mixed", "아니다, 섞여 있다"),
    "course.code3d.space.why_yes": (
        "For each code, {share:.0%} of its 5 nearest codes have its class; by chance it would be "
        "{chance:.0%}. Rebuilding images well made it place look-alikes together, labels or not.",
        "코드마다 가장 가까운 코드 5개 중 {share:.0%}가 같은 클래스입니다. 우연이라면 {chance:.0%}입니다. "
        "이미지를 잘 복원하려다 보니 레이블 없이도 닮은 것끼리 모아 둔 것입니다."),
    "course.code3d.space.why_no": (
        "For each code, {share:.0%} of its 5 nearest codes have its class; by chance it would be "
        "{chance:.0%}. Not even twice chance: three numbers and this short training did not separate the "
        "classes. More epochs (in the tool) often do.",
        "코드마다 가장 가까운 코드 5개 중 {share:.0%}가 같은 클래스입니다. 우연이라면 {chance:.0%}입니다. "
        "우연의 두 배도 안 됩니다. 숫자 세 개와 이 짧은 학습으로는 클래스가 갈리지 않았습니다. 도구에서 "
        "에포크를 늘리면 갈리는 경우가 많습니다."),
    "course.code3d.uses.title": ("What autoencoders are used for", "오토인코더의 쓰임"),
    "course.code3d.uses.body": (
        "- **Compression** that loses a little: the code instead of the image.\n"
        "- **New images**: change a code, decode it (the latent space tool walks between two codes).\n"
        "- **Removing noise**: lesson 2.\n"
        "- **Finding the odd one out**: an image the model rebuilds badly is unlike what it learned.\n"
        "- **A start for other networks**: lesson 5 trains one layer at a time.",
        "- 조금 잃는 **압축**: 이미지 대신 코드를 둡니다.\n"
        "- **새 이미지**: 코드를 바꿔 디코딩합니다(잠재 공간 도구에서 두 코드 사이를 걸어 봅니다).\n"
        "- **잡음 제거**: 2강.\n"
        "- **튀는 것 찾기**: 모델이 잘 복원하지 못하는 이미지는 배운 것과 다른 이미지입니다.\n"
        "- **다른 신경망의 출발점**: 5강에서는 한 층씩 학습합니다."),
    "course.code3d.uses.anomaly": ("Anomaly lab", "이상 탐지 실험실"),

    # ---- lesson 4: linear AE = PCA (lessons 003, 004) ----------------------------------------------------
    "course.pca.title": ("📐 Lesson 4 · The linear autoencoder and PCA", "📐 4강 · 선형 오토인코더와 PCA"),
    "course.pca.intro": (
        "Take away every activation and train with squared error: the autoencoder becomes a linear map "
        "down to k numbers and back. PCA solves that very problem in closed form. Do they agree?",
        "활성화를 모두 빼고 제곱 오차로 학습하면, 오토인코더는 숫자 k개로 내려갔다 돌아오는 선형 사상이 "
        "됩니다. PCA는 바로 그 문제를 식으로 풉니다. 둘은 같은 답을 낼까요?"),
    "course.pca.linear.title": ("Same size, two methods", "같은 크기, 두 방법"),
    "course.pca.linear.body": (
        "Flatten → Dense(k = {k}) → Dense(784), no activation, mean squared error, trained by Adam. Beside "
        "it, PCA with {k} components fitted on the same training images. Both rebuild the test images "
        "from {k} numbers each.",
        "Flatten → Dense(k = {k}) → Dense(784), 활성화 없음, 평균 제곱 오차, Adam으로 학습. 옆에서는 같은 "
        "학습 이미지로 성분 {k}개짜리 PCA를 맞춥니다. 둘 다 테스트 이미지를 이미지마다 숫자 {k}개로 "
        "복원합니다."),
    "course.pca.linear.ask": ("Which rebuilds the test images with the lower error?",
                              "테스트 이미지를 더 작은 오차로 복원하는 쪽은?"),
    "course.pca.linear.opt_pca": ("PCA", "PCA"),
    "course.pca.linear.opt_ae": ("the linear autoencoder", "선형 오토인코더"),
    "course.pca.linear.opt_same": ("about the same (within 2 %)", "거의 같음 (2 % 이내)"),
    "course.pca.linear.why_same": (
        "PCA {a:.4g}, linear autoencoder {b:.4g}: {ratio:.4f}× PCA's error. PCA gives the best possible "
        "linear rebuild from k numbers; the autoencoder, trained long enough, reaches it.",
        "PCA {a:.4g}, 선형 오토인코더 {b:.4g}로 PCA 오차의 {ratio:.4f}배입니다. PCA는 숫자 k개로 할 수 "
        "있는 가장 좋은 선형 복원이고, 충분히 학습한 오토인코더는 거기에 닿습니다."),
    "course.pca.linear.why_pca": (
        "PCA {a:.4g}, linear autoencoder {b:.4g}: {ratio:.4f}× PCA's error. PCA is the best any linear "
        "map through k numbers can do; this autoencoder has not got there yet (more epochs would).",
        "PCA {a:.4g}, 선형 오토인코더 {b:.4g}로 PCA 오차의 {ratio:.4f}배입니다. PCA는 숫자 k개를 지나는 "
        "선형 사상이 낼 수 있는 최선입니다. 이 오토인코더는 아직 닿지 못했습니다(에포크를 늘리면 닿습니다)."),
    "course.pca.linear.why_ae": (
        "PCA {a:.4g}, linear autoencoder {b:.4g}: {ratio:.4f}× PCA's error. On the training images no linear "
        "map can beat PCA; on test images the autoencoder can come out a little lower by chance.",
        "PCA {a:.4g}, 선형 오토인코더 {b:.4g}로 PCA 오차의 {ratio:.4f}배입니다. 학습 이미지에서는 어떤 "
        "선형 사상도 PCA를 이길 수 없지만, 테스트 이미지에서는 우연히 조금 낮게 나올 수 있습니다."),
    "course.pca.basis.title": ("The same space, other directions", "같은 공간, 다른 방향"),
    "course.pca.basis.body": (
        "Top: PCA's first {n} components as images. Under them, once you have answered: the "
        "autoencoder's decoder columns, the image each number of its code adds to the output.",
        "위: PCA의 첫 성분 {n}개를 이미지로 보였습니다. 답하고 나면 그 아래에 오토인코더 디코더의 열, "
        "곧 코드의 숫자 하나가 출력에 더하는 이미지가 나옵니다."),
    "course.pca.basis.ask": ("Will the decoder's columns be PCA's components themselves?",
                             "디코더의 열은 PCA 성분과 똑같을까요?"),
    "course.pca.basis.opt_equal": ("yes, one for one (up to sign)", "그렇다, 하나씩 대응 (부호만 다름)"),
    "course.pca.basis.opt_mixed": ("no, mixtures of them", "아니다, 성분들이 섞인 것"),
    "course.pca.basis.why_mixed": (
        "The columns are mixtures: they span the same subspace (the largest angle between the two "
        "subspaces is {angle:.1f}°) but the loss only cares about the subspace, not about which directions "
        "inside it. PCA picks the directions in order of variance; the autoencoder, any that work.",
        "열들은 성분이 섞인 것입니다. 같은 부분 공간을 펼치지만(두 부분 공간 사이의 가장 큰 각은 "
        "{angle:.1f}°), 손실은 부분 공간만 따질 뿐 그 안의 방향은 따지지 않습니다. PCA는 분산 순서로 "
        "방향을 고르고, 오토인코더는 통하기만 하면 아무 방향이나 씁니다."),
    "course.pca.basis.why_equal": (
        "Here every column matches one component (largest angle between the subspaces {angle:.1f}°). That "
        "is rare: the loss only fixes the subspace, so the directions inside it are usually mixed.",
        "이번에는 열마다 성분 하나와 맞습니다(부분 공간 사이의 가장 큰 각 {angle:.1f}°). 드문 일입니다. "
        "손실은 부분 공간만 정하므로 그 안의 방향은 보통 섞입니다."),
    "course.pca_components": ("PCA's components", "PCA 성분"),
    "course.ae_columns": ("The autoencoder's decoder columns", "오토인코더 디코더의 열"),
    "course.pca.deep.title": ("Add depth and a bend", "깊이와 굽힘을 더하면"),
    "course.pca.deep.body": (
        "Same code size k = {k}, but one hidden layer of 128 ELU units on each side: now the way down and "
        "the way up can bend.",
        "코드 크기는 k = {k}로 같지만, 양쪽에 ELU 128개짜리 은닉층을 하나씩 둡니다. 이제 내려가는 길과 "
        "올라오는 길이 휠 수 있습니다."),
    "course.pca.deep.ask": ("Which rebuilds the test images with the lower error now?",
                            "이번에는 어느 쪽이 더 작은 오차로 복원할까요?"),
    "course.pca.deep.opt_pca": ("PCA", "PCA"),
    "course.pca.deep.opt_deep": ("the deeper, nonlinear autoencoder", "더 깊은 비선형 오토인코더"),
    "course.pca.deep.opt_same": ("about the same (within 2 %)", "거의 같음 (2 % 이내)"),
    "course.pca.deep.why_deep": (
        "PCA {a:.4g}, nonlinear {b:.4g}: {ratio:.2f}× PCA's error. With the same {k} numbers, a curved map "
        "keeps more: digits do not lie on a flat subspace.",
        "PCA {a:.4g}, 비선형 {b:.4g}로 PCA 오차의 {ratio:.2f}배입니다. 같은 숫자 {k}개로도 휘는 사상이 "
        "더 많이 담습니다. 숫자 이미지는 평평한 부분 공간 위에 있지 않기 때문입니다."),
    "course.pca.deep.why_pca": (
        "PCA {a:.4g}, nonlinear {b:.4g}: {ratio:.2f}× PCA's error. Depth is no guarantee: this short "
        "training did not find a better map than PCA's.",
        "PCA {a:.4g}, 비선형 {b:.4g}로 PCA 오차의 {ratio:.2f}배입니다. 깊다고 늘 이기지는 않습니다. 이 짧은 "
        "학습으로는 PCA보다 나은 사상을 찾지 못했습니다."),
    "course.pca.deep.why_same": (
        "PCA {a:.4g}, nonlinear {b:.4g}: within 2 %. The bend added little at this size.",
        "PCA {a:.4g}, 비선형 {b:.4g}로 2 % 이내입니다. 이 크기에서는 굽힘이 더한 것이 거의 없습니다."),
    "course.pca_error": ("PCA, k = {k}", "PCA, k = {k}"),
    "course.ae_error": ("Linear autoencoder", "선형 오토인코더"),
    "course.deep_error": ("Nonlinear autoencoder", "비선형 오토인코더"),

    # ---- lesson 5: stacked and tied (lesson 004) ---------------------------------------------------------
    "course.stacked.title": ("🥞 Lesson 5 · Stacked and tied", "🥞 5강 · 쌓고 묶기"),
    "course.stacked.intro": (
        "Several hidden layers make a stacked autoencoder. Two old tricks make it cheaper to train: tie the "
        "decoder's weights to the encoder's, and train one layer pair at a time.",
        "은닉층을 여러 개 쌓으면 적층 오토인코더가 됩니다. 오래된 두 요령이 학습을 가볍게 합니다. "
        "디코더의 가중치를 인코더에 묶기, 그리고 층 한 쌍씩 학습하기."),
    "course.stacked.model.title": ("784 → 300 → 150 → 300 → 784", "784 → 300 → 150 → 300 → 784"),
    "course.stacked.model.body": (
        "Dense layers with ELU, symmetric around the middle layer. The table shows each layer's weights.",
        "ELU를 쓰는 Dense 층이 가운데 층을 중심으로 대칭입니다. 표에 층마다 가중치 수가 나옵니다."),
    "course.stacked.model.ask": ("What shape is the code (the output of layer {row})?",
                                 "코드({row}번 층의 출력)의 모양은?"),
    "course.stacked.model.why": (
        "{truth}: the middle layer. The network has {params} weights, most of them in the two big layers "
        "next to the image (784 × 300 each way).",
        "{truth}: 가운데 층입니다. 이 신경망의 가중치는 {params}개이고, 대부분 이미지에 붙은 큰 두 층"
        "(양쪽 784 × 300)에 있습니다."),
    "course.stacked.tied.title": ("Tied weights", "묶은 가중치"),
    "course.stacked.tied.body": (
        "Tying: each decoder layer uses the **transpose** of its mirror encoder layer's weight matrix "
        "instead of a matrix of its own; only the biases stay separate.",
        "묶기: 디코더 층마다 자기 행렬 대신, 거울처럼 마주 보는 인코더 층 가중치 행렬의 **전치**를 "
        "씁니다. 편향만 따로 둡니다."),
    "course.stacked.tied.ask": ("How many weights does tying save?", "묶으면 가중치가 얼마나 줄까요?"),
    "course.stacked.tied.opt_none": ("hardly any (under 10 %)", "거의 없다 (10 % 미만)"),
    "course.stacked.tied.opt_quarter": ("about a quarter", "4분의 1쯤"),
    "course.stacked.tied.opt_half": ("about half", "절반쯤"),
    "course.stacked.tied.why": (
        "{plain} weights untied, {tied} tied: {cut:.1%} fewer, a little under half because the biases are "
        "not shared. The decoder layers hold no matrix of their own: {report}",
        "묶지 않으면 {plain}개, 묶으면 {tied}개로 {cut:.1%} 줄어듭니다. 편향은 공유하지 않으니 절반에 "
        "조금 못 미칩니다. 디코더 층에는 자기 행렬이 없습니다: {report}"),
    "course.params_plain": ("Weights, untied", "가중치, 묶지 않음"),
    "course.params_tied": ("Weights, tied", "가중치, 묶음"),
    "course.stacked.tied_error.title": ("Does tying cost accuracy?", "묶으면 정확도를 잃을까요?"),
    "course.stacked.tied_error.body": (
        "Both versions are trained with the same settings on {data}.",
        "두 모델 모두 {data}로 같은 설정에서 학습합니다."),
    "course.stacked.tied_error.ask": ("Which has the lower test error?", "테스트 오차가 더 낮은 쪽은?"),
    "course.stacked.tied_error.opt_a": ("untied", "묶지 않은 모델"),
    "course.stacked.tied_error.opt_b": ("tied", "묶은 모델"),
    "course.stacked.tied_error.opt_same": ("about the same (within 2 %)", "거의 같음 (2 % 이내)"),
    "course.stacked.tied_error.why_a": (
        "Untied {a:.4g}, tied {b:.4g}: the untied model, with twice the freedom, rebuilds a little better.",
        "묶지 않음 {a:.4g}, 묶음 {b:.4g}. 자유가 두 배인 묶지 않은 모델이 조금 더 잘 복원합니다."),
    "course.stacked.tied_error.why_b": (
        "Untied {a:.4g}, tied {b:.4g}: the tied model did better with half the weights; sharing acts as a "
        "constraint that helps with few images.",
        "묶지 않음 {a:.4g}, 묶음 {b:.4g}. 묶은 모델이 절반의 가중치로 더 잘했습니다. 공유가 제약처럼 "
        "작용해 이미지가 적을 때 도움이 됩니다."),
    "course.stacked.tied_error.why_same": (
        "Untied {a:.4g}, tied {b:.4g}: within 2 %, for half the weights.",
        "묶지 않음 {a:.4g}, 묶음 {b:.4g}로 2 % 이내입니다. 가중치는 절반인데도요."),
    "course.error_plain": ("Test error, untied", "테스트 오차, 묶지 않음"),
    "course.error_tied": ("Test error, tied", "테스트 오차, 묶음"),
    "course.stacked.greedy.title": ("One layer pair at a time", "층 한 쌍씩"),
    "course.stacked.greedy.body": (
        "Phase 1 trains the outer pair 784 → 300 → 784 alone. Phase 2 trains the inner pair 300 → 150 → 300 "
        "on the outer codes. Phase 3 stacks them and fine-tunes the whole. The comparison is a plain run "
        "with as many optimizer steps in total.",
        "1단계는 바깥 쌍 784 → 300 → 784만 학습합니다. 2단계는 바깥 쌍이 만든 코드로 안쪽 쌍 "
        "300 → 150 → 300을 학습합니다. 3단계는 둘을 쌓아 전체를 미세 조정합니다. 비교 대상은 최적화 "
        "단계 수가 같은 일반 학습입니다."),
    "course.stacked.greedy.ask": ("Which ends with the lower test error?", "테스트 오차가 더 낮게 끝나는 쪽은?"),
    "course.stacked.greedy.opt_a": ("layer by layer, then fine-tuned", "층별 학습 후 미세 조정"),
    "course.stacked.greedy.opt_b": ("all layers at once", "전체를 한 번에"),
    "course.stacked.greedy.opt_same": ("about the same (within 2 %)", "거의 같음 (2 % 이내)"),
    "course.stacked.greedy.why_a": (
        "Layer by layer {a:.4g}, all at once {b:.4g}: pretraining gave the deep network a better start.",
        "층별 {a:.4g}, 한 번에 {b:.4g}. 사전 학습이 깊은 신경망에 더 나은 출발점을 주었습니다."),
    "course.stacked.greedy.why_b": (
        "Layer by layer {a:.4g}, all at once {b:.4g}: with Adam and ELU this network trains well end to "
        "end; layer-wise training mattered most for deep networks that could not.",
        "층별 {a:.4g}, 한 번에 {b:.4g}. Adam과 ELU를 쓰는 이 신경망은 한 번에도 잘 학습됩니다. 층별 "
        "학습은 그렇지 못했던 깊은 신경망에서 가장 중요했습니다."),
    "course.stacked.greedy.why_same": (
        "Layer by layer {a:.4g}, all at once {b:.4g}: within 2 %. Layer-wise training is also a way to "
        "train a network too big to train at once, one piece at a time.",
        "층별 {a:.4g}, 한 번에 {b:.4g}로 2 % 이내입니다. 층별 학습은 한 번에 학습하기에 너무 큰 신경망을 "
        "조각씩 학습하는 방법이기도 합니다."),
    "course.error_greedy": ("Test error, layer by layer", "테스트 오차, 층별"),
    "course.error_e2e": ("Test error, all at once", "테스트 오차, 한 번에"),

    # ---- the teacher's class view ------------------------------------------------------------------------
    "class.title": ("🧑‍🏫 Class view", "🧑‍🏫 교실 보기"),
    "class.no_token": (
        "The class view is off on this server: set a token in the environment variable AECORE_CLASS_TOKEN "
        "(or `class_token` in .streamlit/secrets.toml) and open this page with `?token=` that value.",
        "이 서버에서는 교실 보기가 꺼져 있습니다. 환경 변수 AECORE_CLASS_TOKEN(또는 .streamlit/secrets.toml의 "
        "`class_token`)에 토큰을 정하고, 이 페이지를 `?token=` 그 값으로 여세요."),
    "class.token": ("Teacher's token", "교사 토큰"),
    "class.refused": ("That is not this server's token.", "이 서버의 토큰이 아닙니다."),
    "class.ask": ("This view is for the teacher: type the token set on the server.",
                  "교사용 화면입니다. 서버에 정한 토큰을 입력하세요."),
    "class.sessions": ("Browser sessions connected", "연결된 브라우저 세션"),
    "class.training": ("Training now", "학습 중"),
    "class.queued": ("Waiting in the queue", "대기 중"),
    "class.cached": ("Models ready (saved)", "준비된 모델(저장됨)"),
    "class.workers": ("{workers} of {slots} workers started ({kind}, {threads} thread(s) each)",
                      "작업자 {slots}개 중 {workers}개 시작됨 ({kind}, 각 스레드 {threads}개)"),
    "class.none": ("none", "없음"),
    "class.warm_title": ("Before class: train what a lesson needs", "수업 전에: 수업에 필요한 모델 학습"),
    "class.warm_text": (
        "Queues every model the lesson's steps use, with the lesson's settings, like any training. When the "
        "class opens the lesson, the models come from the store at once and forty students share them.",
        "수업 단계가 쓰는 모델을 수업의 설정으로 모두 큐에 넣습니다. 다른 학습과 똑같습니다. 학생들이 "
        "수업을 열면 모델이 저장소에서 바로 나오고, 마흔 명이 같은 모델을 함께 씁니다."),
    "class.warm_state": ("{ready} of {n} ready", "{n}개 중 {ready}개 준비됨"),
    "class.warm_go": ("Train the {n} missing", "없는 {n}개 학습"),
    "class.warm_queued": ("{n} queued.", "{n}개를 큐에 넣었습니다."),
    "class.links": ("Links for the class", "학생에게 줄 링크"),
    "class.links_text": ("Each lesson step has its own address; `hide=` takes out controls the step does "
                         "not need.",
                         "수업 단계마다 주소가 있습니다. `hide=`는 그 단계에 필요 없는 조절 장치를 숨깁니다."),
}
